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

/** The README's "embed it in your CRM" snippet, kept here so the build proves it compiles. */
public final class EmbedInYourCrm {
  private EmbedInYourCrm() {}

  /** Called by the host when a deal moves to "Quote Sent". */
  static DeliveryReceipt onQuoteSent(Quote quote, String customerEmail) {
    // README snippet start
    SmtpServer godaddy =
        SmtpServer.of("smtpout.secureserver.net", 465, TransportSecurity.IMPLICIT_TLS);
    CompanySender company =
        CompanySender.of(
            new SmtpAccount(
                godaddy, "ventas@inair.example", Secret.of(System.getenv("SMTP_PASSWORD"))),
            EmailAddress.of("ventas@inair.example"),
            "INAIR");
    try (QuoteMailer mailer =
        QuoteMailer.builder()
            .companySender(company)
            .keyRing(KeyRing.fromEnvironment()) // QUOTEMAILER_SECRET_KEYS=k1:<base64 32 bytes>
            .renderer(OpenPdfQuoteRenderer.create())
            .build()) {
      // From the salesperson's own mailbox if they have verified settings, else from ventas@.
      return mailer.send(QuoteEmail.of(quote, customerEmail).withDealId("deal-42"));
    }
    // README snippet end
  }
}
