package io.github.quotemailer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.testing.ScriptedSmtpServer.Credentials;
import io.github.quotemailer.testing.ScriptedSmtpServer.Envelope;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Self-test of {@link ScriptedSmtpServer}, driven by the real Angus Mail SMTP client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScriptedSmtpServerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @ParameterizedTest
  @ValueSource(strings = {"LOGIN", "PLAIN"})
  void plainModeRecordsEnvelopeAndCredentials(String mechanism) throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().credentials("alice", "s3cret").start()) {
      Properties props = props(server);
      props.put("mail.smtp.auth", "true");
      props.put("mail.smtp.auth.mechanisms", mechanism);

      send(props, server, "alice", "s3cret", message(props, "Quote 42", "Hello\r\n.dot line\r\n"));

      List<Envelope> messages = server.awaitMessages(1, WAIT);
      assertThat(messages).hasSize(1);
      Envelope envelope = messages.get(0);
      assertThat(envelope.mailFrom()).isEqualTo("alice@example.com");
      assertThat(envelope.rcptTo()).containsExactly("bob@example.com");
      assertThat(envelope.text())
          .contains("Subject: Quote 42")
          .contains("\r\n.dot line\r\n")
          .doesNotContain("..dot");
      assertThat(server.authAttempts()).containsExactly(new Credentials("alice", "s3cret"));
      assertThat(server.commands())
          .as("an initial response is masked; AUTH LOGIN sends none")
          .containsAnyOf("AUTH " + mechanism + " ***", "AUTH " + mechanism)
          .noneMatch(line -> line.contains("s3cret"));
      assertThat(server.connections()).isEqualTo(1);
      assertThat(server.sawCommand("quit")).isTrue();
      assertThat(server.connectionErrors()).isEmpty();
    }
  }

  @Test
  void startTlsModeAuthenticatesOnlyAfterTheUpgrade() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder()
            .security(Security.STARTTLS)
            .credentials("alice", "s3cret")
            .start()) {
      Properties props = props(server);
      props.put("mail.smtp.auth", "true");
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
      props.put("mail.smtp.ssl.checkserveridentity", "true");
      props.put("mail.smtp.ssl.socketFactory", TestTls.clientContext().getSocketFactory());

      send(props, server, "alice", "s3cret", message(props, "Over TLS", "secret quote"));

      assertThat(server.awaitMessages(1, WAIT)).hasSize(1);
      List<String> commands = server.commands();
      assertThat(commands).contains("STARTTLS", "AUTH LOGIN");
      assertThat(commands.indexOf("AUTH LOGIN")).isGreaterThan(commands.indexOf("STARTTLS"));
      assertThat(commands.subList(commands.indexOf("STARTTLS") + 1, commands.size()).get(0))
          .startsWith("EHLO");
      assertThat(server.authAttempts()).containsExactly(new Credentials("alice", "s3cret"));
      assertThat(server.connectionErrors()).isEmpty();
    }
  }

  @Test
  void scriptedAuthFailureMakesConnectThrowOnce() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().once("AUTH", "535 5.7.8 bad").start()) {
      Properties props = props(server);
      props.put("mail.smtp.auth", "true");
      Session session = Session.getInstance(props);

      try (Transport transport = session.getTransport("smtp")) {
        assertThatThrownBy(() -> transport.connect(server.host(), server.port(), "alice", "pw"))
            .isInstanceOf(AuthenticationFailedException.class)
            .hasMessageContaining("535 5.7.8 bad");
      }
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect(server.host(), server.port(), "alice", "pw");
        assertThat(transport.isConnected()).isTrue();
      }
      assertThat(server.authAttempts()).hasSize(2);
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void stalledGreetingMakesConnectTimeOut() {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().stallOn("CONNECT").start()) {
      Properties props = props(server);
      props.put("mail.smtp.connectiontimeout", "2000");
      props.put("mail.smtp.timeout", "1000");
      props.put("mail.smtp.writetimeout", "1000");
      Session session = Session.getInstance(props);

      assertThatThrownBy(
              () -> {
                try (Transport transport = session.getTransport("smtp")) {
                  transport.connect(server.host(), server.port(), null, null);
                }
              })
          .isInstanceOf(MessagingException.class);
    }
  }

  @Test
  void implicitTlsModeDeliversMessage() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().security(Security.IMPLICIT_TLS).start()) {
      Properties props = props(server);
      props.put("mail.smtp.auth", "true");
      props.put("mail.smtp.ssl.enable", "true");
      props.put("mail.smtp.ssl.checkserveridentity", "true");
      props.put("mail.smtp.ssl.socketFactory", TestTls.clientContext().getSocketFactory());

      send(props, server, "bob", "pw", message(props, "Over SMTPS", "quote"));

      assertThat(server.awaitMessages(1, WAIT))
          .singleElement()
          .extracting(Envelope::rcptTo)
          .isEqualTo(List.of("bob@example.com"));
      assertThat(server.commands()).doesNotContain("STARTTLS");
    }
  }

  @Test
  void rejectedRecipientFailsTheSend() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder()
            .rejectRecipient("BOB@example.com", "550 5.1.1 No such user")
            .start()) {
      Properties props = props(server);

      assertThatThrownBy(
              () -> send(props, server, null, null, message(props, "Lost", "nobody home")))
          .isInstanceOf(SendFailedException.class);
      assertThat(server.messages()).isEmpty();
      assertThat(server.sawCommand("DATA")).isFalse();
    }
  }

  @Test
  void multiLineGreetingAndScriptedDataRejection() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder()
            .always("CONNECT", "220-127.0.0.1 first line\n220 127.0.0.1 ready")
            .once("DATA", "451 4.3.0 Try again later")
            .start()) {
      Properties props = props(server);

      assertThatThrownBy(() -> send(props, server, null, null, message(props, "One", "first")))
          .isInstanceOf(MessagingException.class)
          .hasMessageContaining("451 4.3.0");
      assertThat(server.messages()).isEmpty();

      send(props, server, null, null, message(props, "Two", "second"));
      assertThat(server.awaitMessages(1, WAIT))
          .singleElement()
          .satisfies(
              envelope -> {
                assertThat(envelope.text()).contains("Subject: Two");
              });
      assertThat(server.commands()).filteredOn(line -> line.equals("DATA")).hasSize(2);
    }
  }

  @Test
  void serverWithoutStartTlsIsRefusedWhenTlsIsRequired() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().security(Security.STARTTLS).advertiseStartTls(false).start()) {
      Properties props = props(server);
      props.put("mail.smtp.auth", "true");
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");

      try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
        assertThatThrownBy(() -> transport.connect(server.host(), server.port(), "alice", "pw"))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("STARTTLS");
      }
      assertThat(server.authAttempts()).isEmpty();
      assertThat(server.sawCommand("STARTTLS")).isFalse();
    }
  }

  @Test
  void untrustedCertificateFailsHandshakeButServerKeepsServing() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder()
            .security(Security.STARTTLS)
            .keyStore(TestTls.UNTRUSTED_KEY_STORE)
            .start()) {
      Properties props = props(server);
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
      props.put("mail.smtp.ssl.socketFactory", TestTls.clientContext().getSocketFactory());
      Session session = Session.getInstance(props);

      try (Transport transport = session.getTransport("smtp")) {
        assertThatThrownBy(() -> transport.connect(server.host(), server.port(), null, null))
            .isInstanceOf(MessagingException.class);
      }
      // The server's handshake fails with the client's alert, or a broken pipe / reset.
      assertThat(server.awaitConnectionErrors(1, WAIT))
          .singleElement()
          .isInstanceOf(IOException.class);

      props.remove("mail.smtp.starttls.required");
      props.put("mail.smtp.starttls.enable", "false");
      send(props, server, null, null, message(props, "Plain", "after the failure"));
      assertThat(server.awaitMessages(1, WAIT)).hasSize(1);
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  private static Properties props(ScriptedSmtpServer server) {
    Properties props = new Properties();
    props.put("mail.smtp.host", server.host());
    props.put("mail.smtp.port", String.valueOf(server.port()));
    props.put("mail.smtp.localhost", "localhost");
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "5000");
    props.put("mail.smtp.writetimeout", "5000");
    return props;
  }

  private static MimeMessage message(Properties props, String subject, String text)
      throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(props));
    message.setFrom(new InternetAddress("alice@example.com"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.com"));
    message.setSubject(subject);
    message.setText(text, "UTF-8");
    return message;
  }

  private static void send(
      Properties props, ScriptedSmtpServer server, String user, String password, MimeMessage msg)
      throws MessagingException {
    try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
      transport.connect(server.host(), server.port(), user, password);
      transport.sendMessage(msg, msg.getAllRecipients());
    }
  }
}
