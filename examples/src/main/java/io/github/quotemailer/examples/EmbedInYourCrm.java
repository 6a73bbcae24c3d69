package io.github.quotemailer.examples;

import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;

/**
 * The README's "embed it in your CRM" snippet (the region between the tag comments), kept here so
 * the build proves it compiles: a host's quote service that builds one mailer at start-up and
 * shares it.
 */
public final class EmbedInYourCrm implements AutoCloseable {
  // tag::embed[]
  private final QuoteMailer mailer; // thread-safe: build one at start-up and share it

  /** At application start. */
  public EmbedInYourCrm() {
    SmtpServer godaddy =
        SmtpServer.of("smtpout.secureserver.net", 465, TransportSecurity.IMPLICIT_TLS);
    CompanySender company =
        CompanySender.of(
            new SmtpAccount(
                godaddy, "ventas@inair.example", Secret.of(System.getenv("SMTP_PASSWORD"))),
            EmailAddress.of("ventas@inair.example"),
            "INAIR");
    mailer =
        QuoteMailer.builder()
            .companySender(company)
            .keyRing(KeyRing.fromEnvironment()) // QUOTEMAILER_SECRET_KEYS=k1:<base64 32 bytes>
            .renderer(OpenPdfQuoteRenderer.create())
            .build();
  }

  /** When a deal moves to "Quote Sent": from the salesperson's own mailbox, else from ventas@. */
  public DeliveryReceipt onQuoteSent(String dealId, Quote quote, String customerEmail) {
    return mailer.send(QuoteEmail.of(quote, customerEmail).withDealId(dealId));
  }

  /** At application stop: releases the mailer's connections and threads. */
  @Override
  public void close() {
    mailer.close();
  }
  // end::embed[]
}
