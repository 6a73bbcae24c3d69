package io.github.quotemailer.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import io.github.quotemailer.testing.TestTls;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.lang.reflect.Field;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every SMTP socket has Nagle's algorithm off, in each security mode, with the server's own trust
 * store or the default one, and TLS still checks the certificate and the host name. The socket
 * checked is the one Angus Mail really talks through after logging in.
 */
@Timeout(60)
class TcpNoDelayTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final EmailAddress FROM = EmailAddress.of("ventas@inair.example");

  private final List<Transport> open = new ArrayList<>();
  private final ScheduledExecutorService writeTimeouts =
      Executors.newSingleThreadScheduledExecutor();

  /** The JDK's default trust is replaced by the test's, so loopback servers are trusted. */
  private final SmtpSessions sessions =
      new SmtpSessions(
          () -> "client.inair.example",
          writeTimeouts,
          () -> TestTls.clientContext().getSocketFactory());

  @AfterEach
  void stopTimeouts() {
    writeTimeouts.shutdownNow();
  }

  enum Mode {
    PLAIN(Security.NONE, TransportSecurity.PLAIN),
    STARTTLS(Security.STARTTLS, TransportSecurity.STARTTLS_REQUIRED),
    IMPLICIT_TLS(Security.IMPLICIT_TLS, TransportSecurity.IMPLICIT_TLS);

    final Security server;
    final TransportSecurity client;

    Mode(Security server, TransportSecurity client) {
      this.server = server;
      this.client = client;
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theSocketHasNoDelayWithTheServersOwnTrustStore(Mode mode) throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().security(mode.server).start()) {
      SmtpServer settings = MailerFixture.server(server.port(), mode.client);

      Socket socket = loggedInSocket(settings);

      assertThat(socket.getTcpNoDelay()).as("TCP_NODELAY over %s", mode).isTrue();
      assertThat(socket instanceof SSLSocket).isEqualTo(mode != Mode.PLAIN);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"STARTTLS", "IMPLICIT_TLS"})
  void theSocketHasNoDelayWithTheDefaultTrust(Mode mode) throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().security(mode.server).start()) {
      SmtpServer settings = withoutTrustStore(server.port(), mode.client);

      Socket socket = loggedInSocket(settings);

      assertThat(socket.getTcpNoDelay()).as("TCP_NODELAY over %s", mode).isTrue();
      assertThat(socket).isInstanceOf(SSLSocket.class);
    }
  }

  @Test
  void withoutTheseSocketsAngusLeavesNagleOn() throws Exception {
    // The check above can fail: a session with Angus's own sockets reports the option off.
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().security(Security.NONE).start()) {
      Properties props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", String.valueOf(server.port()));
      props.put("mail.smtp.auth", "true");
      Transport transport = Session.getInstance(props).getTransport("smtp");
      transport.connect("ventas@inair.example", "secret");
      try {
        assertThat(socketOf(transport).getTcpNoDelay()).isFalse();
      } finally {
        transport.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"STARTTLS", "IMPLICIT_TLS"})
  void aCertificateForAnotherHostIsStillRefused(Mode mode) {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder()
            .security(mode.server)
            .keyStore("/tls/wrong-host.p12")
            .start()) {
      SmtpServer settings = MailerFixture.server(server.port(), mode.client);

      assertThatThrownBy(() -> loggedInSocket(settings)).isInstanceOf(MessagingException.class);
      assertThat(server.authAttempts()).as("no password is sent to that server").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"STARTTLS", "IMPLICIT_TLS"})
  void anUntrustedCertificateIsStillRefused(Mode mode) {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().security(mode.server).keyStore("/tls/untrusted.p12").start()) {
      SmtpServer settings = withoutTrustStore(server.port(), mode.client);

      assertThatThrownBy(() -> loggedInSocket(settings)).isInstanceOf(MessagingException.class);
      assertThat(server.authAttempts()).as("no password is sent to that server").isEmpty();
    }
  }

  private Socket loggedInSocket(SmtpServer settings) throws Exception {
    Session session = sessions.session(settings, FROM, WAIT, true);
    Transport transport = session.getTransport("smtp");
    transport.connect("ventas@inair.example", "secret");
    open.add(transport); // closed after the test has read the socket's options
    return socketOf(transport);
  }

  @AfterEach
  void closeTransports() throws MessagingException {
    for (Transport transport : open) {
      transport.close();
    }
  }

  private static SmtpServer withoutTrustStore(int port, TransportSecurity security) {
    return SmtpServer.builder("127.0.0.1", port, security)
        .connectTimeout(WAIT)
        .readTimeout(WAIT)
        .writeTimeout(WAIT)
        .build();
  }

  /** The socket Angus's SMTP transport talks through: only reachable by reflection. */
  private static Socket socketOf(Transport transport) throws ReflectiveOperationException {
    Field field = transport.getClass().getDeclaredField("serverSocket");
    field.setAccessible(true);
    return (Socket) field.get(transport);
  }
}
