package io.github.quotemailer.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.examples.QuoteFiles;
import io.github.quotemailer.examples.demo.DemoMailServer.ReceivedMail;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.VerificationResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo's mail server over real sockets, driven by the library itself. */
@Timeout(30)
class DemoMailServerTest {
  private static final String COMPANY = "ventas@inair.example";
  private static final String COMPANY_PASSWORD = "company-demo-password-1";
  private static final String JUAN = "juan@inair.example";
  private static final String JUAN_PASSWORD = "juan-demo-password-2";

  @TempDir Path dataDirectory;

  private DemoMailServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private DemoMailServer start() {
    server =
        DemoMailServer.start(dataDirectory, Map.of(COMPANY, COMPANY_PASSWORD, JUAN, JUAN_PASSWORD));
    return server;
  }

  private static QuoteMailer mailerWithCompanyOn(SmtpServer smtp) {
    return QuoteMailer.builder()
        .companySender(
            CompanySender.of(
                new SmtpAccount(smtp, COMPANY, Secret.of(COMPANY_PASSWORD)),
                EmailAddress.of(COMPANY),
                "INAIR"))
        .keyRing(KeyRing.parse(KeyRing.generateKeySpec("demo")))
        .renderer(OpenPdfQuoteRenderer.create())
        .build();
  }

  private ReceivedMail sendSampleQuoteThrough(SmtpServer smtp) {
    DeliveryReceipt receipt;
    try (QuoteMailer mailer = mailerWithCompanyOn(smtp)) {
      receipt =
          mailer.send(
              QuoteEmail.of(QuoteFiles.sample(), "compras@hsjn.example").withDealId("deal-1"));
    }
    assertThat(receipt.reply().replyClass()).isEqualTo(SmtpReplyClass.ACCEPTED);
    String messageId = receipt.messageId().replaceAll("[<>]", "");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                server.received().stream()
                    .anyMatch(mail -> mail.messageId().replaceAll("[<>]", "").equals(messageId)));
    return server.received().stream()
        .filter(mail -> mail.messageId().replaceAll("[<>]", "").equals(messageId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void deliversAQuoteSentOverImplicitTls() {
    start();

    ReceivedMail mail = sendSampleQuoteThrough(server.implicitTls());

    assertThat(mail.from()).isEqualTo("Juan Pérez (via INAIR) <ventas@inair.example>");
    assertThat(mail.to()).containsExactly("compras@hsjn.example");
    assertThat(mail.pdfFileName()).endsWith(".pdf");
    assertThat(new String(mail.pdf(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    assertThat(server.find(mail.id())).contains(mail);
    assertThat(mail.id()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void deliversAQuoteSentOverStartTls() {
    start();

    ReceivedMail mail = sendSampleQuoteThrough(server.startTls());

    assertThat(mail.from()).isEqualTo("Juan Pérez (via INAIR) <ventas@inair.example>");
    assertThat(new String(mail.pdf(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    assertThat(server.received()).first().isEqualTo(mail);
  }

  @Test
  void acceptsTheRightPasswordOverStartTlsAndRejectsAWrongOne() {
    start();
    try (QuoteMailer mailer = mailerWithCompanyOn(server.implicitTls())) {
      UserSmtpSettings.Draft juan =
          UserSmtpSettings.draft("juan", EmailAddress.of(JUAN), "Juan Pérez")
              .server(server.startTls());

      VerificationResult right =
          mailer.verify(mailer.userSettings().save(juan, Secret.of(JUAN_PASSWORD)));
      VerificationResult wrong =
          mailer.verify(mailer.userSettings().save(juan, Secret.of("not-juans-password")));

      assertThat(right.reply().replyClass()).isEqualTo(SmtpReplyClass.ACCEPTED);
      assertThat(wrong.reply().replyClass()).isEqualTo(SmtpReplyClass.AUTH_REJECTED);
    }
  }

  @Test
  void refusesALoginBeforeStartTls() throws Exception {
    start();
    try (Socket socket = new Socket("127.0.0.1", server.startTls().port())) {
      socket.setSoTimeout(5_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      assertThat(in.readLine()).startsWith("220 ");

      out.write("EHLO client.example\r\n".getBytes(StandardCharsets.US_ASCII));
      StringBuilder ehlo = new StringBuilder();
      String line;
      do {
        line = in.readLine();
        ehlo.append(line).append('\n');
      } while (line.startsWith("250-"));
      assertThat(ehlo.toString()).contains("250-STARTTLS");

      String credentials =
          Base64.getEncoder()
              .encodeToString(("\0" + COMPANY + "\0x").getBytes(StandardCharsets.US_ASCII));
      out.write(("AUTH PLAIN " + credentials + "\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
    }
  }

  @Test
  void keepsItsCertificateAcrossRestarts() throws Exception {
    start().close();
    byte[] firstCertificate =
        Files.readAllBytes(dataDirectory.resolve(DemoMailServer.KEY_STORE_FILE));

    start();

    assertThat(dataDirectory.resolve(DemoMailServer.KEY_STORE_FILE))
        .hasBinaryContent(firstCertificate);
    // And the restarted server's TLS is trusted, host name checked, by the JVM's defaults.
    try (SSLSocket socket =
        (SSLSocket)
            SSLSocketFactory.getDefault().createSocket("127.0.0.1", server.implicitTls().port())) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(5_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).startsWith("220 ");
    }
  }
}
