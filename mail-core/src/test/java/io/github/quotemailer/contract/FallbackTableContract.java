package io.github.quotemailer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.quotemailer.DeliveryException;
import io.github.quotemailer.OutcomeUnknownException;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.outbox.UnknownOutcome;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every row of the README's "Who sends: the fallback table", sent once through {@code
 * QuoteMailer.send} and once through the outbox and the worker, against scripted SMTP servers that
 * answer with the codes real providers use. Both paths must agree on who sent, why, the headers the
 * customer sees and the delivery log; they differ only in how the end is carried out (an exception
 * for a person waiting, a state in the outbox). Implemented per outbox store.
 */
@Timeout(90)
public abstract class FallbackTableContract {
  private static final String JUAN_PASSWORD = "juan-Contract-Pass-1";
  private static final KeyRing RETIRED =
      KeyRing.of("k0", Base64.getDecoder().decode("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="));

  /**
   * The quote of {@link Settings#AT_SENDING_LIMIT}'s earlier send, left out of what is compared.
   */
  private static final String EARLIER_QUOTE = "COT-2025-0001";

  private static final RetrySettings RETRY =
      new RetrySettings(8, Duration.ofMillis(50), Duration.ofMillis(50), 0, Duration.ofHours(1));

  @RegisterExtension
  @Order(1)
  protected final Closer closer = new Closer();

  /** A new, empty outbox store for one path of one test. */
  protected abstract OutboxStore newOutbox() throws Exception;

  /** The user's settings before the quote is sent. */
  enum Settings {
    NONE,
    DISABLED,
    UNVERIFIED,
    VERIFIED,
    UNREADABLE,
    /** Verified, with a sending limit of 1 a day already used by an earlier quote. */
    AT_SENDING_LIMIT
  }

  /** The host's fallback policy. */
  enum Policy {
    DEFAULT,
    /** {@code QUOTA=FALL_BACK}: a full quota or a reached limit sends from the company. */
    QUOTA_FALLS_BACK
  }

  /** How a path ended: what a host sees, normalised to compare both paths. */
  enum End {
    SENT,
    FAILED,
    DEFERRED,
    OUTCOME_UNKNOWN,
    RETRYING
  }

  /** One row of the table. */
  enum Row {
    OWN_ACCOUNT(
        Settings.VERIFIED,
        own -> own,
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "juan",
        "OWN_ACCOUNT ACCEPTED juan@inair.example"),
    NO_SETTINGS(
        Settings.NONE,
        own -> own,
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "NOT_CONFIGURED ACCEPTED ventas@inair.example"),
    DISABLED_SETTINGS(
        Settings.DISABLED,
        own -> own,
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "NOT_CONFIGURED ACCEPTED ventas@inair.example"),
    NEVER_VERIFIED(
        Settings.UNVERIFIED,
        own -> own,
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "NOT_VERIFIED ACCEPTED ventas@inair.example"),
    SECRET_UNREADABLE(
        Settings.UNREADABLE,
        own -> own,
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "SECRET_UNREADABLE ACCEPTED ventas@inair.example"),
    AUTH_REJECTED(
        Settings.VERIFIED,
        own -> own.credentials("juan@inair.example", "other-Pass-9"),
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "OWN_ACCOUNT AUTH_REJECTED juan@inair.example",
        "OWN_ACCOUNT_REJECTED ACCEPTED ventas@inair.example"),
    BASIC_AUTH_DISABLED(
        Settings.VERIFIED,
        own ->
            own.always(
                "AUTH",
                "550 5.7.30 Basic authentication is not supported for Client" + " Submission"),
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "OWN_ACCOUNT BASIC_AUTH_DISABLED juan@inair.example",
        "OWN_ACCOUNT_REJECTED ACCEPTED ventas@inair.example"),
    SENDER_NOT_OWNED(
        Settings.VERIFIED,
        own -> own.always("MAIL", "553 5.7.1 Sender address rejected: not owned by user"),
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "OWN_ACCOUNT SENDER_NOT_OWNED juan@inair.example",
        "OWN_ACCOUNT_REJECTED ACCEPTED ventas@inair.example"),
    OWN_SERVER_UNAVAILABLE(
        Settings.VERIFIED,
        own -> own.always("MAIL", "451 4.3.0 Mail server temporarily unavailable"),
        company -> company,
        2,
        End.SENT,
        End.SENT,
        "via",
        "OWN_ACCOUNT TRANSIENT juan@inair.example",
        "OWN_ACCOUNT TRANSIENT juan@inair.example",
        "OWN_ACCOUNT_UNAVAILABLE ACCEPTED ventas@inair.example"),
    TLS_FAILURE(
        Settings.VERIFIED,
        own -> own.advertiseStartTls(false),
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "OWN_ACCOUNT TLS_FAILURE juan@inair.example",
        "OWN_ACCOUNT_UNAVAILABLE ACCEPTED ventas@inair.example"),
    SESSION_REJECTED(
        Settings.VERIFIED,
        own ->
            own.always(
                "RCPT", "554 5.7.1 <unknown[127.0.0.1]>: Client host rejected: Access denied"),
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "OWN_ACCOUNT SESSION_REJECTED juan@inair.example",
        "OWN_ACCOUNT_UNAVAILABLE ACCEPTED ventas@inair.example"),
    QUOTA(
        Settings.VERIFIED,
        own -> own.always("MAIL", "550 5.4.5 Daily user sending quota exceeded"),
        company -> company,
        1,
        End.FAILED,
        End.DEFERRED,
        "none",
        "OWN_ACCOUNT QUOTA juan@inair.example",
        "OWN_ACCOUNT QUOTA juan@inair.example deferred"),
    SENDING_LIMIT_REACHED(
        Settings.AT_SENDING_LIMIT,
        own -> own,
        company -> company,
        1,
        End.FAILED,
        End.DEFERRED,
        "none",
        "OWN_ACCOUNT QUOTA juan@inair.example deferred"),
    SENDING_LIMIT_REACHED_POLICY_FALLS_BACK(
        Policy.QUOTA_FALLS_BACK,
        Settings.AT_SENDING_LIMIT,
        own -> own,
        company -> company,
        1,
        End.SENT,
        End.SENT,
        "via",
        "OWN_ACCOUNT_QUOTA ACCEPTED ventas@inair.example"),
    RECIPIENT_REJECTED(
        Settings.VERIFIED,
        own -> own.rejectRecipient("compras@hsjn.example", "550 5.1.1 No such user"),
        company -> company,
        1,
        End.FAILED,
        End.FAILED,
        "none",
        "OWN_ACCOUNT RECIPIENT_REJECTED juan@inair.example"),
    COMPANY_FAILING_TOO(
        Settings.NONE,
        own -> own,
        company -> company.always("AUTH", "535 5.7.8 Authentication credentials invalid"),
        1,
        End.FAILED,
        End.RETRYING,
        "none",
        "NOT_CONFIGURED AUTH_REJECTED ventas@inair.example"),
    NO_REPLY_AFTER_DATA(
        Settings.VERIFIED,
        own -> own.holdReplyAfterData(),
        company -> company,
        1,
        End.OUTCOME_UNKNOWN,
        End.OUTCOME_UNKNOWN,
        "none",
        "OWN_ACCOUNT TRANSIENT juan@inair.example");

    final Policy policy;
    final Settings settings;
    final UnaryOperator<ScriptedSmtpServer.Builder> own;
    final UnaryOperator<ScriptedSmtpServer.Builder> company;
    final int queuedPasses;
    final End direct;
    final End queued;
    final String from;
    final List<String> log;

    Row(
        Settings settings,
        UnaryOperator<ScriptedSmtpServer.Builder> own,
        UnaryOperator<ScriptedSmtpServer.Builder> company,
        int queuedPasses,
        End direct,
        End queued,
        String from,
        String... log) {
      this(Policy.DEFAULT, settings, own, company, queuedPasses, direct, queued, from, log);
    }

    Row(
        Policy policy,
        Settings settings,
        UnaryOperator<ScriptedSmtpServer.Builder> own,
        UnaryOperator<ScriptedSmtpServer.Builder> company,
        int queuedPasses,
        End direct,
        End queued,
        String from,
        String... log) {
      this.policy = policy;
      this.settings = settings;
      this.own = own;
      this.company = company;
      this.queuedPasses = queuedPasses;
      this.direct = direct;
      this.queued = queued;
      this.from = from;
      this.log = List.of(log);
    }
  }

  /** What one path produced, in the terms a host and a customer see. */
  record Observed(End end, List<String> log, List<String> headers) {}

  @ParameterizedTest
  @EnumSource(Row.class)
  void theDirectAndTheQueuedPathAgreeOnEveryRow(Row row) throws Exception {
    Observed direct = throughSend(row);
    Observed queued = throughOutbox(row);

    assertThat(direct.end()).as("direct end").isEqualTo(row.direct);
    assertThat(queued.end()).as("queued end").isEqualTo(row.queued);
    assertThat(direct.log()).as("direct delivery log").isEqualTo(row.log);
    assertThat(queued.log()).as("queued delivery log").isEqualTo(row.log);
    assertThat(queued.headers()).as("headers the customer sees").isEqualTo(direct.headers());
    assertThat(direct.headers()).as("headers").isEqualTo(expectedHeaders(row.from));
  }

  private Observed throughSend(Row row) throws Exception {
    World world = new World(row, newOutbox());
    Throwable thrown = catchThrowable(() -> world.mailer.send(MailerFixture.email()));
    End end;
    if (thrown == null) {
      end = End.SENT;
    } else if (thrown instanceof OutcomeUnknownException) {
      end = End.OUTCOME_UNKNOWN;
    } else {
      assertThat(thrown).isInstanceOf(DeliveryException.class);
      end = End.FAILED;
    }
    return world.observed(end);
  }

  private Observed throughOutbox(Row row) throws Exception {
    World world = new World(row, newOutbox());
    String id = world.mailer.enqueue(MailerFixture.email()).id();
    Instant enqueued = Instant.now();
    for (int pass = 1; pass <= row.queuedPasses; pass++) {
      if (pass > 1) {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> world.outbox.status(Instant.now()).due() > 0);
      }
      world
          .mailer
          .worker()
          .retry(RETRY)
          .idleHorizon(Duration.ZERO)
          .unknownOutcome(UnknownOutcome.PARK)
          .build()
          .runUntilIdle();
    }
    OutboxEntry entry = world.outbox.find(id).orElseThrow();
    return world.observed(endOf(entry, enqueued));
  }

  private static End endOf(OutboxEntry entry, Instant enqueued) {
    if (entry.state() == OutboxState.SENT) {
      return End.SENT;
    }
    if (entry.state() == OutboxState.DEAD) {
      return End.FAILED;
    }
    if (entry.state() == OutboxState.OUTCOME_UNKNOWN) {
      return End.OUTCOME_UNKNOWN;
    }
    assertThat(entry.state()).isEqualTo(OutboxState.PENDING);
    // Deferred for the quota window, or retried with the short backoff.
    return entry.nextAttemptAt().isAfter(enqueued.plus(Duration.ofMinutes(30)))
        ? End.DEFERRED
        : End.RETRYING;
  }

  private static List<String> expectedHeaders(String from) {
    return switch (from) {
      case "juan" -> List.of("From: Juan Pérez <juan@inair.example>", "Reply-To: -", "Sender: -");
      case "via" ->
          List.of(
              "From: Juan Pérez (via INAIR) <ventas@inair.example>",
              "Reply-To: juan@inair.example",
              "Sender: -");
      default -> List.of();
    };
  }

  /** Servers, stores and a mailer for one path of one row. */
  private final class World {
    final ScriptedSmtpServer own;
    final ScriptedSmtpServer company;
    final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
    final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    final OutboxStore outbox;
    final QuoteMailer mailer;

    World(Row row, OutboxStore outbox) {
      this.outbox = outbox;
      own =
          closer.track(
              row.own.apply(ScriptedSmtpServer.builder().security(Security.STARTTLS)).start());
      company =
          closer.track(
              row.company.apply(ScriptedSmtpServer.builder().security(Security.STARTTLS)).start());
      saveSettings(row.settings);
      FallbackPolicy.Builder policy = FallbackPolicy.builder().retryDelay(Duration.ZERO);
      if (row.policy == Policy.QUOTA_FALLS_BACK) {
        policy.on(SmtpReplyClass.QUOTA, FallbackAction.FALL_BACK);
      }
      mailer =
          closer.track(
              MailerFixture.mailer(
                      MailerFixture.company(MailerFixture.starttls(company)),
                      users,
                      log,
                      new DeliveryListener() {})
                  .fallbackPolicy(policy.build())
                  .outbox(outbox)
                  .build());
    }

    private void saveSettings(Settings settings) {
      UserSmtpSettings verified =
          MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD);
      switch (settings) {
        case NONE -> {}
        case DISABLED -> users.save(verified.withEnabled(false));
        case UNVERIFIED -> users.save(verified.withHealth(SettingsHealth.unverified()));
        case VERIFIED -> users.save(verified);
        case UNREADABLE ->
            users.save(
                verified
                    .withPassword(
                        SecretCipher.create(RETIRED).encrypt(Secret.of(JUAN_PASSWORD), "juan"))
                    .withHealth(verified.health()));
        case AT_SENDING_LIMIT -> {
          users.save(
              verified.withSendingLimit(Optional.of(SendingLimit.of(1, Duration.ofDays(1)))));
          log.record(earlierQuoteSentAsJuan());
        }
      }
    }

    /** A quote juan sent a minute ago from his own account: a limit of 1 a day is used up. */
    private DeliveryAttempt earlierQuoteSentAsJuan() {
      return DeliveryAttempt.builder()
          .at(Instant.now().minus(Duration.ofMinutes(1)))
          .userId("juan")
          .quoteNumber(EARLIER_QUOTE)
          .messageId("<earlier@inair.example>")
          .identity(EmailAddress.of("juan@inair.example"))
          .reason(ResolutionReason.OWN_ACCOUNT)
          .recipients(List.of(EmailAddress.of("compras@hsjn.example")))
          .outcome(DeliveryOutcome.SENT)
          .replyClass(SmtpReplyClass.ACCEPTED)
          .replyCode(250)
          .replyText("250 2.0.0 OK")
          .duration(Duration.ofMillis(300))
          .build();
    }

    Observed observed(End end) throws Exception {
      List<String> rows =
          log.all().stream()
              .filter(a -> !a.quoteNumber().equals(EARLIER_QUOTE))
              .sorted(java.util.Comparator.comparing(DeliveryAttempt::at))
              .map(FallbackTableContract::logLine)
              .toList();
      List<ScriptedSmtpServer.Envelope> received =
          end == End.SENT ? concat(own.messages(), company.messages()) : List.of();
      assertThat(received).hasSizeLessThanOrEqualTo(1);
      List<String> headers = received.isEmpty() ? List.of() : headersOf(received.get(0).data());
      return new Observed(end, rows, headers);
    }
  }

  /** Reason, reply class and identity of a delivery-log row; a deferral ends with "deferred". */
  private static String logLine(DeliveryAttempt a) {
    String line = a.reason() + " " + a.replyClass() + " " + a.identity().value();
    return a.outcome() == DeliveryOutcome.DEFERRED ? line + " deferred" : line;
  }

  private static List<ScriptedSmtpServer.Envelope> concat(
      List<ScriptedSmtpServer.Envelope> a, List<ScriptedSmtpServer.Envelope> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static List<String> headersOf(byte[] data) throws Exception {
    MimeMessage message =
        new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
    return List.of(
        "From: " + MimeUtility.decodeText(message.getHeader("From", ",")),
        "Reply-To: " + orDash(message.getHeader("Reply-To", ",")),
        "Sender: " + orDash(message.getHeader("Sender", ",")));
  }

  private static String orDash(String value) throws java.io.UnsupportedEncodingException {
    return value == null ? "-" : MimeUtility.decodeText(value);
  }
}
