package io.github.quotemailer;

import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.LoopbackMail;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sending through GreenMail over implicit TLS (SMTPS) with the test certificate. */
class SendOverGreenMailTest {
  private static final String JUAN_PASSWORD = "juan-Contraseña-42";
  private static final String LONG_PASSWORD = "k".repeat(150) + "Ñ9".repeat(75);

  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtps(
          Map.of(
              COMPANY,
              COMPANY_PASSWORD,
              "juan@inair.example",
              JUAN_PASSWORD,
              "ana@inair.example",
              LONG_PASSWORD));

  @RegisterExtension CapturedLogs logs = new CapturedLogs();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private QuoteMailer mailer;
  private SmtpServer server;

  @BeforeEach
  void setUp() {
    server = MailerFixture.server(greenMail.getSmtps().getPort(), TransportSecurity.IMPLICIT_TLS);
    DeliveryListener listener =
        new DeliveryListener() {
          @Override
          public void onFallback(String userId, String quoteNumber, ResolutionReason reason) {
            events.add("fallback " + userId + " " + reason);
          }

          @Override
          public void onCredentialsRejected(String userId, SmtpReply reply) {
            events.add("rejected " + userId + " " + reply.code());
          }

          @Override
          public void onDelivered(String userId, DeliveryReceipt receipt) {
            events.add("delivered " + userId + " " + receipt.reason());
          }
        };
    mailer = MailerFixture.mailer(MailerFixture.company(server), users, log, listener).build();
  }

  @AfterEach
  void noSecretInLogs() {
    mailer.close();
    assertThat(logs.text()).isNotEmpty();
    logs.assertNeverShows(JUAN_PASSWORD, LONG_PASSWORD, "wrong-password-123");
  }

  @Test
  void sendsFromTheSalespersonsOwnMailboxOverSmtps() throws Exception {
    users.save(MailerFixture.verifiedSettings("juan", server, JUAN_PASSWORD));

    DeliveryReceipt receipt =
        mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(receipt.authenticatedAs().value()).isEqualTo("juan@inair.example");
    MimeMessage received = onlyMessage();
    assertThat(received.getHeader("From", null)).contains("juan@inair.example").contains("Juan");
    assertThat(received.getHeader("Reply-To")).isNull();
    assertThat(received.getMessageID()).isEqualTo(receipt.messageId());
    assertThat(received.getSubject())
        .isEqualTo("Cotización COT-2025-0142 de INAIR Climatización S.A. de C.V.");
    assertThat(received.getSentDate()).isNotNull();
    assertThat(log.all())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.outcome()).isEqualTo(DeliveryOutcome.SENT);
              assertThat(a.identity().value()).isEqualTo("juan@inair.example");
              assertThat(a.messageId()).isEqualTo(receipt.messageId());
            });
  }

  @Test
  void carriesTextHtmlAndThePdfNamedAfterTheQuote() throws Exception {
    mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));

    MimeMessage received = onlyMessage();
    Multipart mixed = (Multipart) received.getContent();
    assertThat(mixed.getContentType()).startsWith("multipart/mixed");
    Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    assertThat(alternative.getBodyPart(0).getContentType())
        .contains("text/plain")
        .containsIgnoringCase("utf-8");
    assertThat((String) alternative.getBodyPart(0).getContent())
        .contains("Laura Martínez Ñúñez")
        .contains("$108,522.35 MXN")
        .contains("Juan Pérez");
    assertThat(alternative.getBodyPart(1).getContentType()).contains("text/html");
    BodyPart pdf = mixed.getBodyPart(1);
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(pdf.getFileName()).isEqualTo("COT-2025-0142.pdf");
    assertThat(pdf.getDisposition()).isEqualTo(BodyPart.ATTACHMENT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    pdf.getDataHandler().writeTo(bytes);
    assertThat(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1))
        .startsWith("%PDF-")
        .contains("COT-2025-0142");
  }

  @Test
  void aThreeHundredCharacterPasswordWorks() throws Exception {
    assertThat(LONG_PASSWORD).hasSize(300);
    users.save(MailerFixture.verifiedSettings("ana", server, LONG_PASSWORD));

    DeliveryReceipt receipt =
        mailer.send(QuoteEmail.of(Quotes.sample("ana"), "compras@hsjn.example"));

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(onlyMessage().getHeader("From", null)).contains("ana@inair.example");
  }

  @Test
  void withoutSettingsTheCompanySendsOnBehalfWithReplyToTheSalesperson() throws Exception {
    DeliveryReceipt receipt =
        mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.NOT_CONFIGURED);
    MimeMessage received = onlyMessage();
    assertThat(jakarta.mail.internet.MimeUtility.decodeText(received.getHeader("From", null)))
        .isEqualTo("Juan Pérez (via INAIR) <ventas@inair.example>");
    assertThat(received.getFrom()[0].toString()).contains("ventas@inair.example");
    assertThat(((jakarta.mail.internet.InternetAddress) received.getFrom()[0]).getPersonal())
        .isEqualTo("Juan Pérez (via INAIR)");
    assertThat(received.getHeader("Reply-To", null)).isEqualTo("juan@inair.example");
    assertThat(received.getHeader("Sender")).isNull();
    assertThat(events)
        .containsExactly("fallback juan NOT_CONFIGURED", "delivered juan NOT_CONFIGURED");
  }

  @Test
  void aWrongPasswordFallsBackAtOnceAndMarksTheSettings() throws Exception {
    users.save(MailerFixture.verifiedSettings("juan", server, "wrong-password-123"));

    DeliveryReceipt receipt =
        mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_REJECTED);
    assertThat(receipt.attempts()).isEqualTo(2);
    MimeMessage received = onlyMessage();
    assertThat(received.getFrom()[0].toString()).contains(COMPANY);
    assertThat(received.getHeader("Reply-To", null)).isEqualTo("juan@inair.example");
    SettingsHealth health = users.find("juan").orElseThrow().health();
    assertThat(health.status()).isEqualTo(SettingsHealth.Status.REJECTED);
    assertThat(health.checkedAt()).isPresent();
    assertThat(health.serverReply()).hasValueSatisfying(r -> assertThat(r).startsWith("535"));
    assertThat(events).startsWith("rejected juan 535", "fallback juan OWN_ACCOUNT_REJECTED");
    List<DeliveryAttempt> attempts = log.all();
    assertThat(attempts)
        .extracting(DeliveryAttempt::replyClass)
        .containsExactly(SmtpReplyClass.AUTH_REJECTED, SmtpReplyClass.ACCEPTED);
    assertThat(attempts.get(0).messageId()).isEqualTo(attempts.get(1).messageId());

    // The next quote skips the rejected settings instead of hammering the mailbox.
    DeliveryReceipt next =
        mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));
    assertThat(next.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_REJECTED);
    assertThat(next.attempts()).isEqualTo(1);
  }

  @Test
  void verifyingGoodSettingsSendsNothingAndMarksThemVerified() {
    var settings =
        MailerFixture.verifiedSettings("juan", server, JUAN_PASSWORD)
            .withHealth(SettingsHealth.unverified());
    users.save(settings);

    var result = mailer.verify(settings);

    assertThat(result.succeeded()).as(result.reply().describe()).isTrue();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);
  }

  @Test
  void verifyingAWrongPasswordReportsAuthRejected() {
    var settings = MailerFixture.verifiedSettings("juan", server, "wrong-password-123");
    users.save(settings);

    var result = mailer.verify(settings);

    assertThat(result.reply().replyClass()).isEqualTo(SmtpReplyClass.AUTH_REJECTED);
    assertThat(result.reply().describe()).startsWith("535");
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.REJECTED);
  }

  @Test
  void anUntrustedCertificateIsRefused() {
    SmtpServer untrusting =
        SmtpServer.builder("127.0.0.1", server.port(), TransportSecurity.IMPLICIT_TLS)
            .connectTimeout(MailerFixture.SHORT)
            .readTimeout(MailerFixture.SHORT)
            .build();
    try (QuoteMailer strict =
        MailerFixture.mailer(
                MailerFixture.company(untrusting), users, log, new DeliveryListener() {})
            .build()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> strict.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example")))
          .isInstanceOfSatisfying(
              DeliveryException.class,
              e -> assertThat(e.replyClass()).isEqualTo(SmtpReplyClass.TLS_FAILURE));
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  private MimeMessage onlyMessage() {
    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage[] messages = greenMail.getReceivedMessages();
    assertThat(messages).hasSize(1);
    return messages[0];
  }
}
