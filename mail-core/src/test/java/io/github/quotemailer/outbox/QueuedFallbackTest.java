package io.github.quotemailer.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import io.github.quotemailer.testing.SlowDataServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fallback table on the queued path: what the worker does with a full quota, what it remembers
 * between attempts, and what it does when a server kept a message without answering.
 */
@Timeout(60)
class QueuedFallbackTest {
  private static final String JUAN_PASSWORD = "juan-Queued-Pass-52";
  private static final String FULL_QUOTA = "550 5.4.5 Daily user sending quota exceeded";

  @RegisterExtension
  @Order(1)
  final CapturedLogs logs = CapturedLogs.neverShowing(JUAN_PASSWORD);

  @RegisterExtension
  @Order(2)
  final Closer closer = new Closer();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final List<String> deadLettered = new CopyOnWriteArrayList<>();

  @Test
  void aFullQuotaDefersTheQueuedQuoteWithoutTouchingTheCompanyAccount() throws Exception {
    ScriptedSmtpServer company = scripted(ScriptedSmtpServer.builder());
    ScriptedSmtpServer full = scripted(ScriptedSmtpServer.builder().always("DATA", FULL_QUOTA));
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(full), JUAN_PASSWORD));
    QuoteMailer mailer = mailer(MailerFixture.starttls(company), FallbackPolicy.builder());
    EnqueueResult queued = mailer.enqueue(MailerFixture.email());
    Instant before = Instant.now();

    worker(mailer).build().runUntilIdle();

    OutboxEntry entry = outbox.find(queued.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.PENDING);
    assertThat(entry.attempts()).as("a deferral gives its attempt back").isZero();
    assertThat(entry.nextAttemptAt())
        .as("deferred by the quota deferral, not by the short backoff")
        .isAfterOrEqualTo(before.plus(MailerFixture.FAST_RETRY.quotaDeferral()).minusSeconds(1));
    assertThat(entry.lastError())
        .hasValueSatisfying(e -> assertThat(e).startsWith("paused after 550 5.4.5"));
    assertThat(entry.fallbackReason()).isEmpty();
    assertThat(full.connections()).isEqualTo(1);
    assertThat(company.connections()).isZero();
    assertThat(users.find("juan").orElseThrow().health().status())
        .as("a full mailbox is not a wrong password")
        .isEqualTo(SettingsHealth.Status.VERIFIED);
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void aHostPolicyThatFallsBackOnAFullQuotaSendsTheQueuedQuoteFromTheCompany() throws Exception {
    ScriptedSmtpServer company = scripted(ScriptedSmtpServer.builder());
    ScriptedSmtpServer full = scripted(ScriptedSmtpServer.builder().always("DATA", FULL_QUOTA));
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(full), JUAN_PASSWORD));
    QuoteMailer mailer =
        mailer(
            MailerFixture.starttls(company),
            FallbackPolicy.builder().on(SmtpReplyClass.QUOTA, FallbackAction.FALL_BACK));
    EnqueueResult queued = mailer.enqueue(MailerFixture.email());

    worker(mailer).build().runUntilIdle();

    OutboxEntry entry = outbox.find(queued.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.SENT);
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(full.connections()).isEqualTo(1);
    assertThat(company.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.mailFrom()).isEqualTo(MailerFixture.COMPANY));
    assertThat(log.all())
        .extracting(DeliveryAttempt::replyClass, DeliveryAttempt::reason)
        .containsExactly(
            tuple(SmtpReplyClass.QUOTA, ResolutionReason.OWN_ACCOUNT),
            tuple(SmtpReplyClass.ACCEPTED, ResolutionReason.OWN_ACCOUNT_QUOTA));
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);
  }

  @Test
  void aRetryAfterTheCompanyFailedGoesStraightToTheCompanyWithTheSameReason() throws Exception {
    ScriptedSmtpServer company =
        scripted(ScriptedSmtpServer.builder().once("MAIL", "451 4.3.0 Temporary local problem"));
    ScriptedSmtpServer downgraded = scripted(ScriptedSmtpServer.builder().advertiseStartTls(false));
    users.save(
        MailerFixture.verifiedSettings("juan", MailerFixture.starttls(downgraded), JUAN_PASSWORD));
    QuoteMailer mailer = mailer(MailerFixture.starttls(company), FallbackPolicy.builder());
    EnqueueResult queued = mailer.enqueue(MailerFixture.email());

    worker(mailer).build().runUntilIdle();

    OutboxEntry entry = outbox.find(queued.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.SENT);
    assertThat(entry.attempts()).isEqualTo(2);
    assertThat(downgraded.connections())
        .as("the retry remembers why the user's server was given up and does not try it again")
        .isEqualTo(1);
    assertThat(company.messages()).hasSize(1);
    assertThat(log.all())
        .extracting(DeliveryAttempt::replyClass, DeliveryAttempt::reason)
        .containsExactly(
            tuple(SmtpReplyClass.TLS_FAILURE, ResolutionReason.OWN_ACCOUNT),
            tuple(SmtpReplyClass.TRANSIENT, ResolutionReason.OWN_ACCOUNT_UNAVAILABLE),
            tuple(SmtpReplyClass.ACCEPTED, ResolutionReason.OWN_ACCOUNT_UNAVAILABLE));
  }

  @Test
  void noReplyAfterDataIsParkedForAPersonWhenTheWorkerIsAskedTo() throws Exception {
    SlowDataServer company = slow();
    QuoteMailer mailer = mailer(lateReplies(company), FallbackPolicy.builder());
    EnqueueResult queued = mailer.enqueue(MailerFixture.email());

    worker(mailer).unknownOutcome(UnknownOutcome.PARK).build().runUntilIdle();

    OutboxEntry entry = outbox.find(queued.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.OUTCOME_UNKNOWN);
    assertThat(entry.lastError())
        .hasValueSatisfying(e -> assertThat(e).startsWith("outcome unknown after DATA"));
    assertThat(company.copiesOf(queued.messageId())).isEqualTo(1);
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void noReplyAfterDataIsResentWithTheSameMessageIdAndFlaggedByDefault() throws Exception {
    SlowDataServer company = slow();
    QuoteMailer mailer = mailer(lateReplies(company), FallbackPolicy.builder());
    EnqueueResult queued = mailer.enqueue(MailerFixture.email());

    worker(mailer).build().runUntilIdle();

    OutboxEntry entry = outbox.find(queued.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.SENT);
    assertThat(entry.attempts()).isEqualTo(2);
    assertThat(company.copiesOf(queued.messageId()))
        .as("resent once, under the same Message-ID so the recipient can tell the copies apart")
        .isEqualTo(2);
    assertThat(logs.lines())
        .anyMatch(l -> l.contains(queued.messageId()) && l.contains("possible duplicate"));
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void aResendAfterNoReplyKeepsTheFallbackReasonAndSkipsTheUsersServer() throws Exception {
    SlowDataServer company = slow();
    ScriptedSmtpServer downgraded = scripted(ScriptedSmtpServer.builder().advertiseStartTls(false));
    users.save(
        MailerFixture.verifiedSettings("juan", MailerFixture.starttls(downgraded), JUAN_PASSWORD));
    QuoteMailer mailer = mailer(lateReplies(company), FallbackPolicy.builder());
    EnqueueResult queued = mailer.enqueue(MailerFixture.email());

    worker(mailer).build().runUntilIdle();

    assertThat(outbox.find(queued.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    assertThat(company.copiesOf(queued.messageId())).isEqualTo(2);
    assertThat(downgraded.connections()).isEqualTo(1);
    assertThat(log.all())
        .extracting(DeliveryAttempt::reason)
        .containsExactly(
            ResolutionReason.OWN_ACCOUNT,
            ResolutionReason.OWN_ACCOUNT_UNAVAILABLE,
            ResolutionReason.OWN_ACCOUNT_UNAVAILABLE);
  }

  private DeliveryWorker.Builder worker(QuoteMailer mailer) {
    return mailer
        .worker()
        .threads(1)
        .pollInterval(Duration.ofMillis(20))
        .retry(MailerFixture.FAST_RETRY);
  }

  private QuoteMailer mailer(SmtpServer companyServer, FallbackPolicy.Builder policy) {
    DeliveryListener listener =
        new DeliveryListener() {
          @Override
          public void onDeadLettered(String userId, String quote, String messageId, String error) {
            deadLettered.add(messageId);
          }
        };
    return closer.track(
        MailerFixture.mailer(MailerFixture.company(companyServer), users, log, listener)
            .fallbackPolicy(policy.retryDelay(Duration.ZERO).build())
            .outbox(outbox)
            .build());
  }

  /**
   * A plain loopback company server that keeps the first message and never answers it (until the
   * test ends), so the client's read timeout is the only clock in play.
   */
  private SlowDataServer slow() throws java.io.IOException {
    return closer.track(new SlowDataServer(n -> n == 1 ? 120_000 : 0));
  }

  /** Reads time out after three seconds: long for every reply but the one that never comes. */
  private static SmtpServer lateReplies(SlowDataServer server) {
    return SmtpServer.builder("127.0.0.1", server.port(), TransportSecurity.PLAIN)
        .connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(3))
        .writeTimeout(Duration.ofSeconds(3))
        .build();
  }

  private ScriptedSmtpServer scripted(ScriptedSmtpServer.Builder builder) {
    return closer.track(builder.security(Security.STARTTLS).start());
  }
}
