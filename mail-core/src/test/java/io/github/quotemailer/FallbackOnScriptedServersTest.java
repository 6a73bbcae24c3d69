package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fallback table against a scripted server that answers with the codes real providers use
 * (GreenMail cannot), over STARTTLS.
 */
@Timeout(60)
class FallbackOnScriptedServersTest {
  private static final String JUAN_PASSWORD = "juan-Starttls-Pass-77";

  @RegisterExtension
  @Order(1)
  final CapturedLogs logs = CapturedLogs.neverShowing(JUAN_PASSWORD);

  @RegisterExtension
  @Order(2)
  final Closer closer = new Closer();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final List<String> events = new CopyOnWriteArrayList<>();

  private final ScriptedSmtpServer company =
      closer.track(ScriptedSmtpServer.builder().security(Security.STARTTLS).start());

  @Test
  void ownAccountOverStartTlsAuthenticatesOnlyAfterTheUpgrade() {
    ScriptedSmtpServer own =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .credentials("juan@inair.example", JUAN_PASSWORD)
                .start());
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD));

    DeliveryReceipt receipt = mailer().send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(own.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.mailFrom()).isEqualTo("juan@inair.example");
              assertThat(m.rcptTo()).containsExactly("compras@hsjn.example");
              assertThat(m.text()).contains("Message-ID: " + receipt.messageId());
            });
    List<String> commands = own.commands();
    int startTls = commands.indexOf("STARTTLS");
    assertThat(startTls).as("STARTTLS was sent: %s", commands).isNotNegative();
    assertThat(indexOfPrefix(commands, "AUTH"))
        .as("AUTH came after STARTTLS: %s", commands)
        .isGreaterThan(startTls)
        .isLessThan(commands.size());
    assertThat(own.authAttempts())
        .extracting(ScriptedSmtpServer.Credentials::password)
        .containsExactly(JUAN_PASSWORD);
    assertThat(company.connections()).isZero();
  }

  @Test
  void aServerThatDoesNotOfferStartTlsNeverSeesThePasswordAndIsNotTriedTwice() {
    ScriptedSmtpServer downgraded =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .advertiseStartTls(false)
                .start());
    users.save(
        MailerFixture.verifiedSettings("juan", MailerFixture.starttls(downgraded), JUAN_PASSWORD));

    DeliveryReceipt receipt = mailer().send(MailerFixture.email());

    assertThat(downgraded.authAttempts()).isEmpty();
    assertThat(downgraded.sawCommand("AUTH")).isFalse();
    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_UNAVAILABLE);
    // A TLS failure falls back at once: retrying a server that cannot secure the link is pointless.
    assertThat(downgraded.connections()).as("the user's server is tried once").isEqualTo(1);
    assertThat(receipt.attempts()).isEqualTo(2);
    assertThat(log.all())
        .extracting(DeliveryAttempt::replyClass)
        .containsExactly(SmtpReplyClass.TLS_FAILURE, SmtpReplyClass.ACCEPTED);
    assertThat(company.messages()).hasSize(1);
  }

  @Test
  void basicAuthSwitchedOffFallsBackAndMarksTheSettings() {
    ScriptedSmtpServer own =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .always(
                    "AUTH",
                    "550 5.7.30 Basic authentication is not supported for Client Submission.")
                .start());
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD));

    DeliveryReceipt receipt = mailer().send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_REJECTED);
    assertThat(log.all().get(0).replyClass()).isEqualTo(SmtpReplyClass.BASIC_AUTH_DISABLED);
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.REJECTED);
    assertThat(events).contains("rejected juan 550");
    assertThat(company.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.mailFrom()).isEqualTo(MailerFixture.COMPANY));
  }

  @Test
  void aSenderTheAccountDoesNotOwnFallsBack() {
    ScriptedSmtpServer own =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .always(
                    "MAIL",
                    "553 5.7.1 <juan@inair.example>: Sender address rejected: not owned by user")
                .start());
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD));

    DeliveryReceipt receipt = mailer().send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_REJECTED);
    assertThat(log.all().get(0).replyClass()).isEqualTo(SmtpReplyClass.SENDER_NOT_OWNED);
    assertThat(company.messages()).hasSize(1);
  }

  /** Postfix's own words, and a refusal that only the command it answered tells apart. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname",
        "550 5.7.1 Access denied"
      })
  void aRefusedHeloNameFallsBackAtOnceWithoutMarkingTheSettings(String refusal) {
    ScriptedSmtpServer own =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .always("EHLO", refusal)
                .always("HELO", refusal)
                .start());
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD));

    DeliveryReceipt receipt = mailer().send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_UNAVAILABLE);
    assertThat(log.all())
        .extracting(DeliveryAttempt::replyClass)
        .containsExactly(SmtpReplyClass.SESSION_REJECTED, SmtpReplyClass.ACCEPTED);
    assertThat(own.connections()).as("a refused name is not retried").isEqualTo(1);
    assertThat(own.authAttempts()).isEmpty();
    assertThat(users.find("juan").orElseThrow().health().status())
        .as("a refused client name is not a wrong password")
        .isEqualTo(SettingsHealth.Status.VERIFIED);
    assertThat(company.messages()).hasSize(1);
  }

  @Test
  void aClientHostRefusedAtRcptFallsBackInsteadOfFailingTheRecipient() {
    ScriptedSmtpServer own =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .always(
                    "RCPT", "554 5.7.1 <unknown[127.0.0.1]>: Client host rejected: Access denied")
                .start());
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD));

    DeliveryReceipt receipt = mailer().send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_UNAVAILABLE);
    assertThat(log.all().get(0).replyClass()).isEqualTo(SmtpReplyClass.SESSION_REJECTED);
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);
    assertThat(company.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.rcptTo()).containsExactly("compras@hsjn.example"));
  }

  @Test
  void aRejectedRecipientFailsWithoutFallingBack() {
    ScriptedSmtpServer own =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .rejectRecipient(
                    "compras@hsjn.example",
                    "550 5.1.1 <compras@hsjn.example>: Recipient address rejected: User unknown")
                .start());
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD));
    QuoteMailer mailer = mailer();

    assertThatThrownBy(() -> mailer.send(MailerFixture.email()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.replyClass()).isEqualTo(SmtpReplyClass.RECIPIENT_REJECTED);
              assertThat(e.reply().code()).isEqualTo(550);
              assertThat(e.getMessage()).contains("fix the address");
            });
    assertThat(company.connections()).isZero();
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);
    assertThat(events).contains("failed juan RECIPIENT_REJECTED");
  }

  @Test
  void transientFailuresRetryTheOwnAccountThenFallBack() {
    ScriptedSmtpServer own =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .always("MAIL", "451 4.3.0 Temporary local problem, try again")
                .start());
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD));

    DeliveryReceipt receipt = mailer().send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_UNAVAILABLE);
    assertThat(receipt.attempts()).isEqualTo(3);
    assertThat(log.all())
        .extracting(DeliveryAttempt::replyClass)
        .containsExactly(
            SmtpReplyClass.TRANSIENT, SmtpReplyClass.TRANSIENT, SmtpReplyClass.ACCEPTED);
    assertThat(users.find("juan").orElseThrow().health().status())
        .as("a busy server is not a wrong password")
        .isEqualTo(SettingsHealth.Status.VERIFIED);
  }

  @Test
  void aFullQuotaDefersByDefault() {
    ScriptedSmtpServer own =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .always("DATA", "550 5.4.5 Daily user sending quota exceeded")
                .start());
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD));
    QuoteMailer mailer = mailer();

    assertThatThrownBy(() -> mailer.send(MailerFixture.email()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.replyClass()).isEqualTo(SmtpReplyClass.QUOTA))
        .hasMessageContaining("defers");
    assertThat(company.connections()).isZero();
  }

  @Test
  void theAuthorisedDomainOptionKeepsTheUsersFromAndSetsSender() {
    CompanySender authorised =
        MailerFixture.company(MailerFixture.starttls(company))
            .withAuthorisedDomains(Set.of("inair.example"));
    QuoteMailer mailer =
        closer.track(MailerFixture.mailer(authorised, users, log, listener()).build());

    DeliveryReceipt receipt = mailer.send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.NOT_CONFIGURED);
    assertThat(receipt.from().value()).isEqualTo("juan@inair.example");
    assertThat(company.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.mailFrom()).isEqualTo(MailerFixture.COMPANY);
              assertThat(m.text())
                  .contains("Sender: ventas@inair.example")
                  .doesNotContain("Reply-To:");
            });
  }

  @Test
  void aTrustedCertificateForAnotherHostNameIsRefusedBeforeAuth() {
    ScriptedSmtpServer impostor =
        closer.track(
            ScriptedSmtpServer.builder()
                .security(Security.IMPLICIT_TLS)
                .keyStore("/tls/wrong-host.p12")
                .start());
    SmtpServer server = MailerFixture.server(impostor.port(), TransportSecurity.IMPLICIT_TLS);
    QuoteMailer mailer =
        closer.track(
            MailerFixture.mailer(MailerFixture.company(server), users, log, listener()).build());

    assertThatThrownBy(() -> mailer.send(MailerFixture.email()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.replyClass()).isEqualTo(SmtpReplyClass.TLS_FAILURE));
    assertThat(impostor.authAttempts()).isEmpty();
  }

  @Test
  void aServerThatIsNotListeningFailsFastWithUnreachable() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    SmtpServer nowhere = MailerFixture.server(closedPort, TransportSecurity.STARTTLS_REQUIRED);
    QuoteMailer mailer =
        closer.track(
            MailerFixture.mailer(MailerFixture.company(nowhere), users, log, listener()).build());

    assertThatThrownBy(() -> mailer.send(MailerFixture.email()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.replyClass()).isEqualTo(SmtpReplyClass.UNREACHABLE));
  }

  @Test
  @Timeout(30)
  void aServerThatAcceptsButNeverAnswersTimesOut() {
    ScriptedSmtpServer silent =
        closer.track(
            ScriptedSmtpServer.builder().security(Security.STARTTLS).stallOn("CONNECT").start());
    SmtpServer server =
        SmtpServer.builder("127.0.0.1", silent.port(), TransportSecurity.STARTTLS_REQUIRED)
            .connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(1))
            .writeTimeout(Duration.ofSeconds(1))
            .build();
    QuoteMailer mailer =
        closer.track(
            MailerFixture.mailer(MailerFixture.company(server), users, log, listener()).build());

    assertThatThrownBy(() -> mailer.send(MailerFixture.email()))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> {
              assertThat(e.replyClass()).isEqualTo(SmtpReplyClass.TRANSIENT);
              assertThat(e.reply().text()).contains("SocketTimeoutException");
            });
    assertThat(log.all())
        .as("every try is recorded as a timeout, none as a send")
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.replyClass()).isEqualTo(SmtpReplyClass.TRANSIENT))
        .allSatisfy(a -> assertThat(a.replyText()).contains("SocketTimeoutException"));
    assertThat(silent.messages()).isEmpty();
  }

  @Test
  @Timeout(30)
  void verificationSendsNoDataAndReturnsWithinItsDeadline() {
    ScriptedSmtpServer own =
        closer.track(ScriptedSmtpServer.builder().security(Security.STARTTLS).start());
    var settings =
        MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD);
    QuoteMailer mailer = mailer();

    var result = mailer.verify(settings);

    assertThat(result.succeeded()).as(result.reply().describe()).isTrue();
    assertThat(own.commands())
        .anyMatch(c -> c.startsWith("MAIL FROM:<juan@inair.example>"))
        .anyMatch(c -> c.startsWith("RCPT TO:<juan@inair.example>"))
        .contains("RSET")
        .noneMatch(c -> c.startsWith("DATA"));
    assertThat(own.messages()).isEmpty();

    ScriptedSmtpServer stalled =
        closer.track(
            ScriptedSmtpServer.builder().security(Security.STARTTLS).stallOn("RCPT").start());
    SmtpServer slow =
        SmtpServer.builder("127.0.0.1", stalled.port(), TransportSecurity.STARTTLS_REQUIRED)
            .readTimeout(Duration.ofSeconds(20))
            .trustStore(
                io.github.quotemailer.testing.TestTls.trustStorePath(), "changeit".toCharArray())
            .build();
    var stalledResult = mailer.verify(MailerFixture.verifiedSettings("juan", slow, JUAN_PASSWORD));
    assertThat(stalledResult.reply().replyClass()).isEqualTo(SmtpReplyClass.TRANSIENT);
    assertThat(stalledResult.reply().text()).contains("within 5 s");
  }

  private QuoteMailer mailer() {
    return closer.track(
        MailerFixture.mailer(
                MailerFixture.company(MailerFixture.starttls(company)), users, log, listener())
            .build());
  }

  private DeliveryListener listener() {
    return new DeliveryListener() {
      @Override
      public void onCredentialsRejected(String userId, SmtpReply reply) {
        events.add("rejected " + userId + " " + reply.code());
      }

      @Override
      public void onFailed(String userId, String quoteNumber, SmtpReply reply) {
        events.add("failed " + userId + " " + reply.replyClass());
      }
    };
  }

  private static int indexOfPrefix(List<String> commands, String prefix) {
    for (int i = 0; i < commands.size(); i++) {
      if (commands.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
