package io.github.quotemailer.examples;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.smtp.VerificationResult;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Starts an embedded mail server on loopback and sends the sample quote twice: once as a
 * salesperson with their own mailbox, once as one without, printing what the customer received.
 */
@Command(
    name = "send-sample",
    mixinStandardHelpOptions = true,
    description =
        "Send the sample quote through an embedded mail server, with and without own SMTP.")
final class SendSampleCommand implements Callable<Integer> {
  private static final String COMPANY = "ventas@inair.example";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    // Demo-only passwords, random per run: nothing here is a real credential.
    String companyPassword = randomPassword();
    String juanPassword = randomPassword();
    GreenMail greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(
                GreenMailConfiguration.aConfig()
                    .withUser(COMPANY, COMPANY, companyPassword)
                    .withUser("juan@inair.example", "juan@inair.example", juanPassword));
    greenMail.start();
    try {
      SmtpServer server =
          SmtpServer.of("127.0.0.1", greenMail.getSmtp().getPort(), TransportSecurity.PLAIN);
      out.printf("Embedded mail server on %s (loopback only, no TLS: demo)%n", server);
      CompanySender company =
          CompanySender.of(
              new SmtpAccount(server, COMPANY, Secret.of(companyPassword)),
              EmailAddress.of(COMPANY),
              "INAIR");
      try (QuoteMailer mailer =
          QuoteMailer.builder()
              .companySender(company)
              .keyRing(KeyRing.parse(KeyRing.generateKeySpec("demo")))
              .renderer(OpenPdfQuoteRenderer.create())
              .build()) {
        UserSmtpSettings juan =
            mailer
                .userSettings()
                .save(
                    UserSmtpSettings.draft(
                            "juan", EmailAddress.of("juan@inair.example"), "Juan Pérez")
                        .server(server),
                    Secret.of(juanPassword));
        VerificationResult check = mailer.verify(juan);
        out.printf("Verified juan's own account: %s%n", ResultLine.of(check.reply()));

        Quote sample = QuoteFiles.sample();
        send(out, greenMail, mailer, sample, "with own SMTP account");
        Quote maria =
            sample.withSalesperson(Salesperson.of("maria", "María López", "maria@inair.example"));
        send(out, greenMail, mailer, maria, "without SMTP settings");
      }
    } finally {
      greenMail.stop();
    }
    return 0;
  }

  private static void send(
      PrintWriter out, GreenMail greenMail, QuoteMailer mailer, Quote quote, String label)
      throws Exception {
    int before = greenMail.getReceivedMessages().length;
    DeliveryReceipt receipt =
        mailer.send(QuoteEmail.of(quote, "compras@hsjn.example").withDealId("deal-42"));
    greenMail.waitForIncomingEmail(5000, before + 1);
    MimeMessage received = greenMail.getReceivedMessages()[before];
    out.printf("%n%s (%s):%n", quote.salesperson().name(), label);
    out.printf("  identity used : %s%n", receipt.authenticatedAs());
    out.printf("  reason        : %s%n", receipt.reason());
    out.printf("  From          : %s%n", decode(received.getHeader("From", null)));
    out.printf("  Reply-To      : %s%n", addresses(received.getReplyTo(), received));
    out.printf("  Message-ID    : %s%n", receipt.messageId());
    out.printf("  server reply  : %s%n", ResultLine.of(receipt.reply()));
  }

  private static String addresses(Address[] replyTo, MimeMessage received) throws Exception {
    if (received.getHeader("Reply-To") == null) {
      return "(none: replies go to From)";
    }
    return Arrays.stream(replyTo).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static String decode(String header) throws Exception {
    return header == null ? "(none)" : MimeUtility.decodeText(header);
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
