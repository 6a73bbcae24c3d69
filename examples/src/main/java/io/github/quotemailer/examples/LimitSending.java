package io.github.quotemailer.examples;

import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;

/**
 * The README's sending-limit snippets (the regions between the tag comments), kept here so the
 * build proves they compile and {@code LimitSendingTest} runs them: limits per SMTP host, the
 * company mailbox's own, a policy that falls back instead of waiting, and an account's own limit.
 */
public final class LimitSending {
  private LimitSending() {}

  /** A mailer holding every account to its sending limit, across the nodes on one database. */
  public static QuoteMailer mailer(JdbcStores stores, CompanySender company, KeyRing keys) {
    // tag::sending-limits[]
    QuoteMailer mailer =
        QuoteMailer.builder()
            .stores(stores) // the sending ledger too: a limit holds across every node
            .companySender(company)
            .keyRing(keys)
            .renderer(OpenPdfQuoteRenderer.create())
            // every account on this host; replaces the preset for it (30/1m)
            .sendingLimit("smtp.office365.com", SendingLimit.parse("limit", "20/1m"))
            .sendingLimit("mail.inair.example", SendingLimit.of(100, Duration.ofHours(1)))
            .companySendingLimit(SendingLimit.parse("limit", "500/24h")) // ventas@ itself
            // over a limit the company sends instead; by default the quote waits
            .fallbackPolicy(
                FallbackPolicy.builder().on(SmtpReplyClass.QUOTA, FallbackAction.FALL_BACK).build())
            .build();
    // end::sending-limits[]
    return mailer;
  }

  /** Saves juan's own mailbox with a limit of its own. */
  public static UserSmtpSettings connectWithOwnLimit(QuoteMailer mailer, Secret password) {
    // tag::account-limit[]
    UserSmtpSettings juan =
        mailer
            .userSettings()
            .save(
                UserSmtpSettings.draft("juan", EmailAddress.of("juan@inair.example"), "Juan Pérez")
                    .sendingLimit(SendingLimit.parse("limit", "5/24h")), // wins over the host's
                password);
    // end::account-limit[]
    return juan;
  }
}
