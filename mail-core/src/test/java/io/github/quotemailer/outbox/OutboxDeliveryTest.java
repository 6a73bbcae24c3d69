package io.github.quotemailer.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Enqueue, the worker, retries and dead letters, on the in-memory outbox. */
@Timeout(60)
class OutboxDeliveryTest {
  private static final String JUAN_PASSWORD = "juan-Outbox-Pass-31";

  @RegisterExtension
  @Order(1)
  final CapturedLogs logs = CapturedLogs.neverShowing(JUAN_PASSWORD);

  @RegisterExtension
  @Order(2)
  final Closer closer = new Closer();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @Test
  void enqueueReturnsAtOnceAndTheSameKeyTwiceSendsOnce() throws Exception {
    ScriptedSmtpServer company = server(ScriptedSmtpServer.builder());
    QuoteMailer mailer = mailer(company);
    QuoteEmail email =
        QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("d-7");

    EnqueueResult first = mailer.enqueue(email);
    EnqueueResult second = mailer.enqueue(email);

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.messageId()).isEqualTo(first.messageId());
    assertThat(company.connections()).as("nothing is sent by enqueue").isZero();

    worker(mailer).runUntilIdle();

    assertThat(company.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("Message-ID: " + first.messageId()));
    assertThat(outbox.find(first.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    assertThat(email.effectiveIdempotencyKey()).startsWith("d-7:COT-2025-0142:v1:to=");
  }

  @Test
  void aServerThatIsDownForAWhileGetsEverythingOnceItIsBack() throws Exception {
    ScriptedSmtpServer company =
        server(
            ScriptedSmtpServer.builder()
                .once("CONNECT", "421 4.3.2 Service not available, closing channel")
                .once("CONNECT", "421 4.3.2 Service not available, closing channel")
                .once("CONNECT", "421 4.3.2 Service not available, closing channel"));
    QuoteMailer mailer = mailer(company);
    for (int i = 1; i <= 3; i++) {
      mailer.enqueue(
          QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("d-" + i));
    }

    worker(mailer).runUntilIdle();

    assertThat(company.messages()).hasSize(3);
    OutboxStatus status = outbox.status(Instant.now());
    assertThat(status.count(OutboxState.SENT)).isEqualTo(3);
    assertThat(status.count(OutboxState.DEAD)).isZero();
    assertThat(log.all()).filteredOn(a -> a.replyClass() == SmtpReplyClass.TRANSIENT).hasSize(3);
  }

  @Test
  void aRejectedRecipientIsDeadLetteredAtOnce() throws Exception {
    ScriptedSmtpServer company =
        server(
            ScriptedSmtpServer.builder()
                .rejectRecipient(
                    "nadie@hsjn.example", "550 5.1.1 <nadie@hsjn.example>: User unknown"));
    QuoteMailer mailer = mailer(company);
    EnqueueResult result =
        mailer.enqueue(QuoteEmail.of(Quotes.sample("juan"), "nadie@hsjn.example"));

    worker(mailer).runUntilIdle();

    OutboxEntry entry = outbox.find(result.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.DEAD);
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(entry.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("550"));
    assertThat(events).containsExactly("dead " + result.messageId());
  }

  @Test
  void rejectedCredentialsFallBackOnceAndMarkTheSettings() throws Exception {
    ScriptedSmtpServer company = server(ScriptedSmtpServer.builder());
    ScriptedSmtpServer own =
        server(ScriptedSmtpServer.builder().credentials("juan@inair.example", "the-real-one"));
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD));
    QuoteMailer mailer = mailer(company);
    mailer.enqueue(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("a"));
    mailer.enqueue(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("b"));

    // One thread: with more, each email already in flight may meet the rejection once.
    mailer
        .worker()
        .threads(1)
        .pollInterval(Duration.ofMillis(50))
        .retry(MailerFixture.FAST_RETRY)
        .build()
        .runUntilIdle();

    assertThat(own.authAttempts())
        .as("one rejected login, then the settings are skipped")
        .hasSize(1);
    assertThat(company.messages()).hasSize(2);
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.REJECTED);
    assertThat(events).containsOnlyOnce("rejected juan");
    assertThat(log.all())
        .extracting(DeliveryAttempt::reason)
        .contains(ResolutionReason.OWN_ACCOUNT_REJECTED);
  }

  @Test
  void anExpiredLeaseIsTakenOverAndAPossibleDuplicateIsResentOrParked() throws Exception {
    ScriptedSmtpServer company = server(ScriptedSmtpServer.builder());
    QuoteMailer mailer = mailer(company);
    EnqueueResult resend =
        mailer.enqueue(
            QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("r"));
    // A worker that claimed the entry and died in the middle of the SMTP transaction:
    List<OutboxEntry> crashed =
        outbox.claim("crashed-node", Instant.now(), Duration.ofMillis(300), 10);
    outbox.markSendStarted(crashed.get(0).id(), "crashed-node");

    worker(mailer).runUntilIdle();

    assertThat(company.messages()).hasSize(1);
    assertThat(outbox.find(resend.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    assertThat(logs.text()).contains("possible duplicate");

    EnqueueResult park =
        mailer.enqueue(
            QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("p"));
    List<OutboxEntry> crashedAgain =
        outbox.claim("crashed-node", Instant.now(), Duration.ofMillis(300), 10);
    outbox.markSendStarted(crashedAgain.get(0).id(), "crashed-node");
    mailer
        .worker()
        .owner("careful")
        .unknownOutcome(UnknownOutcome.PARK)
        .pollInterval(Duration.ofMillis(50))
        .retry(MailerFixture.FAST_RETRY)
        .build()
        .runUntilIdle();

    assertThat(outbox.find(park.id()).orElseThrow().state()).isEqualTo(OutboxState.OUTCOME_UNKNOWN);
    assertThat(company.messages()).hasSize(1);
  }

  @Test
  void shutdownLeavesASendUnderWayToItsLeaseSoNobodySendsItTwice() throws Exception {
    ScriptedSmtpServer slow = server(ScriptedSmtpServer.builder().stallOn("DATA"));
    QuoteMailer mailer = mailer(slow);
    EnqueueResult result =
        mailer.enqueue(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));
    DeliveryWorker worker = worker(mailer).start();
    awaitCommand(slow, "DATA");

    worker.shutdown(Duration.ofMillis(100));

    OutboxEntry entry = outbox.find(result.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.PENDING);
    assertThat(entry.sendStarted()).isTrue();
    assertThat(outbox.status(Instant.now()).leased())
        .as("DATA may be under way: another worker must wait for the lease")
        .isEqualTo(1);
    assertThat(outbox.claim("other", Instant.now(), Duration.ofMinutes(1), 10)).isEmpty();
  }

  @Test
  void theSendIsMarkedStartedOnlyWhenDataIsUnderWay() throws Exception {
    ScriptedSmtpServer atRcpt = server(ScriptedSmtpServer.builder().stallOn("RCPT"));
    QuoteMailer first = mailer(atRcpt);
    EnqueueResult beforeData =
        first.enqueue(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));
    DeliveryWorker stuckAtRcpt = worker(first).start();
    awaitCommand(atRcpt, "RCPT");
    assertThat(outbox.find(beforeData.id()).orElseThrow().sendStarted()).isFalse();
    stuckAtRcpt.shutdown(Duration.ofMillis(50));

    InMemoryOutbox second = new InMemoryOutbox();
    ScriptedSmtpServer atData = server(ScriptedSmtpServer.builder().stallOn("DATA"));
    QuoteMailer mailer =
        MailerFixture.mailer(
                MailerFixture.company(MailerFixture.starttls(atData)),
                users,
                log,
                new DeliveryListener() {})
            .outbox(second)
            .build();
    closer.track(mailer);
    EnqueueResult inData =
        mailer.enqueue(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));
    DeliveryWorker stuckInData =
        mailer
            .worker()
            .pollInterval(Duration.ofMillis(50))
            .retry(MailerFixture.FAST_RETRY)
            .build()
            .start();
    closer.track(stuckInData);
    awaitCommand(atData, "DATA");
    assertThat(second.find(inData.id()).orElseThrow().sendStarted()).isTrue();
  }

  @Test
  void retrySettingsBackOffExponentiallyUpToTheCap() {
    RetrySettings retry = RetrySettings.defaults();
    assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(retry.backoff(4)).isEqualTo(Duration.ofSeconds(240));
    assertThat(retry.backoff(40)).isEqualTo(Duration.ofHours(1));
  }

  private static void awaitCommand(ScriptedSmtpServer server, String verb)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!server.sawCommand(verb) && System.nanoTime() < deadline) {
      server.awaitMessages(1, Duration.ofMillis(20));
    }
    assertThat(server.sawCommand(verb)).isTrue();
  }

  private DeliveryWorker worker(QuoteMailer mailer) {
    DeliveryWorker worker =
        mailer
            .worker()
            .threads(2)
            .pollInterval(Duration.ofMillis(50))
            .retry(MailerFixture.FAST_RETRY)
            .build();
    closer.track(worker);
    return worker;
  }

  private QuoteMailer mailer(ScriptedSmtpServer company) {
    DeliveryListener listener =
        new DeliveryListener() {
          @Override
          public void onDeadLettered(String userId, String quote, String messageId, String error) {
            events.add("dead " + messageId);
          }

          @Override
          public void onCredentialsRejected(
              String userId, io.github.quotemailer.smtp.SmtpReply reply) {
            events.add("rejected " + userId);
          }
        };
    QuoteMailer mailer =
        MailerFixture.mailer(
                MailerFixture.company(MailerFixture.starttls(company)), users, log, listener)
            .outbox(outbox)
            .build();
    closer.track(mailer);
    return mailer;
  }

  private ScriptedSmtpServer server(ScriptedSmtpServer.Builder builder) {
    ScriptedSmtpServer server = builder.security(Security.STARTTLS).start();
    closer.track(server);
    return server;
  }
}
