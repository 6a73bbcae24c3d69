package io.github.quotemailer;

import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.outbox.OutboxStatus;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.LoopbackMail;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import io.github.quotemailer.testing.SettableClock;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sending limits on both paths, over GreenMail: what goes out as the salesperson, what waits (and
 * until when), and what the company sends instead when the policy says so. A clock moved by hand
 * lets a window pass without waiting.
 */
@Timeout(60)
class SendingLimitDeliveryTest {
  private static final String JUAN_PASSWORD = "juan-Limit-Pass-7";
  private static final Instant T0 = Instant.parse("2026-12-05T09:15:00Z");
  private static final SendingLimit TWO_AN_HOUR = SendingLimit.of(2, Duration.ofHours(1));

  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtp(Map.of(COMPANY, COMPANY_PASSWORD, "juan@inair.example", JUAN_PASSWORD));

  @RegisterExtension final Closer closer = new Closer();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final SettableClock clock = new SettableClock(T0);
  private final List<String> failures = new ArrayList<>();

  @Test
  void queuedQuotesOverTheLimitWaitWithoutAnAttemptAndGoAsTheUserWhenTheWindowReopens()
      throws Exception {
    saveJuan(Optional.of(TWO_AN_HOUR));
    QuoteMailer mailer = build(mailer());
    List<String> ids = enqueue(mailer, 3);

    drain(mailer);

    assertThat(fromAddresses()).containsExactly("juan@inair.example", "juan@inair.example");
    String note = "sending limit 2/1h of juan@inair.example reached; goes at 2026-12-05T10:15:00Z";
    OutboxEntry waiting = onlyPending(mailer, ids);
    assertThat(waiting.attempts()).as("waiting is not an attempt").isZero();
    assertThat(waiting.lastError()).contains(note);
    OutboxStatus status = mailer.outbox().status(clock.instant());
    assertThat(status.deferred()).isEqualTo(1);
    assertThat(status.nextDeferred()).contains(T0.plus(Duration.ofHours(1)));
    assertThat(log.all())
        .extracting(
            DeliveryAttempt::outcome, DeliveryAttempt::replyClass, a -> a.identity().value())
        .containsExactlyInAnyOrder(
            tuple(DeliveryOutcome.SENT, SmtpReplyClass.ACCEPTED, "juan@inair.example"),
            tuple(DeliveryOutcome.SENT, SmtpReplyClass.ACCEPTED, "juan@inair.example"),
            tuple(DeliveryOutcome.DEFERRED, SmtpReplyClass.QUOTA, "juan@inair.example"));
    assertThat(log.all())
        .filteredOn(a -> a.outcome() == DeliveryOutcome.DEFERRED)
        .singleElement()
        .satisfies(a -> assertThat(a.replyText()).isEqualTo(note));

    clock.advance(Duration.ofHours(1));
    drain(mailer);

    assertThat(fromAddresses()).hasSize(3).containsOnly("juan@inair.example");
    OutboxEntry sent = mailer.outbox().find(waiting.id()).orElseThrow();
    assertThat(sent.state()).isEqualTo(OutboxState.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(mailer.outbox().status(clock.instant()).deferred()).isZero();
  }

  @Test
  void aDirectSendOverTheHostsLimitIsRefusedBeforeConnectingSayingWhenTheWindowReopens() {
    saveJuan(Optional.empty());
    QuoteMailer mailer =
        build(mailer().sendingLimit("127.0.0.1", SendingLimit.of(1, Duration.ofHours(1))));
    DeliveryReceipt first = mailer.send(email(1));

    DeliveryException refused =
        catchThrowableOfType(DeliveryException.class, () -> mailer.send(email(2)));

    assertThat(first.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(refused.replyClass()).isEqualTo(SmtpReplyClass.QUOTA);
    assertThat(refused)
        .hasMessageContaining("sending limit 1/1h of juan@inair.example reached")
        .hasMessageContaining("try again at 2026-12-05T10:15:00Z");
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(log.all())
        .extracting(DeliveryAttempt::outcome, DeliveryAttempt::replyText)
        .last()
        .isEqualTo(
            tuple(
                DeliveryOutcome.DEFERRED,
                "sending limit 1/1h of juan@inair.example reached; not sent, try again at"
                    + " 2026-12-05T10:15:00Z"));
    assertThat(failures).containsExactly("juan COT-2025-0142 QUOTA");
  }

  @Test
  void underAFallingBackPolicyTheCompanySendsWhatIsOverTheUsersLimitOnBothPaths() throws Exception {
    saveJuan(Optional.of(TWO_AN_HOUR));
    FallbackPolicy fallBack =
        FallbackPolicy.builder()
            .retryDelay(Duration.ZERO)
            .on(SmtpReplyClass.QUOTA, FallbackAction.FALL_BACK)
            .build();
    QuoteMailer mailer = build(mailer().fallbackPolicy(fallBack));
    enqueue(mailer, 2);
    drain(mailer);

    DeliveryReceipt direct = mailer.send(email(3));
    enqueue(mailer, 1, 4);
    drain(mailer);

    assertThat(direct.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_QUOTA);
    assertThat(direct.from().value()).isEqualTo(COMPANY);
    assertThat(direct.replyTo())
        .hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("juan@inair.example"));
    assertThat(fromAddresses())
        .containsExactly("juan@inair.example", "juan@inair.example", COMPANY, COMPANY);
    assertThat(log.all())
        .extracting(DeliveryAttempt::reason, DeliveryAttempt::outcome)
        .containsExactly(
            tuple(ResolutionReason.OWN_ACCOUNT, DeliveryOutcome.SENT),
            tuple(ResolutionReason.OWN_ACCOUNT, DeliveryOutcome.SENT),
            tuple(ResolutionReason.OWN_ACCOUNT_QUOTA, DeliveryOutcome.SENT),
            tuple(ResolutionReason.OWN_ACCOUNT_QUOTA, DeliveryOutcome.SENT));
    assertThat(users.find("juan").orElseThrow().health().status())
        .as("a reached limit is not a wrong password")
        .isEqualTo(SettingsHealth.Status.VERIFIED);
  }

  @Test
  void theCompanyAccountOverItsOwnLimitWaitsOnTheQueueAndIsRefusedDirectly() throws Exception {
    QuoteMailer mailer =
        build(mailer().companySendingLimit(SendingLimit.of(1, Duration.ofMinutes(10))));
    List<String> ids = enqueue(mailer, 2);

    drain(mailer);
    DeliveryException refused =
        catchThrowableOfType(DeliveryException.class, () -> mailer.send(email(3)));

    assertThat(fromAddresses()).containsExactly(COMPANY);
    assertThat(onlyPending(mailer, ids).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(refused.replyClass()).isEqualTo(SmtpReplyClass.QUOTA);
    assertThat(refused).hasMessageContaining("sending limit 1/10m of ventas@inair.example reached");
  }

  // --- helpers ----------------------------------------------------------------------------

  private void saveJuan(Optional<SendingLimit> limit) {
    users.save(
        MailerFixture.verifiedSettings(
                "juan", MailerFixture.plain(greenMail.getSmtp().getPort()), JUAN_PASSWORD)
            .withSendingLimit(limit));
  }

  private QuoteMailer.Builder mailer() {
    DeliveryListener listener =
        new DeliveryListener() {
          @Override
          public void onFailed(
              String userId, String quoteNumber, io.github.quotemailer.smtp.SmtpReply reply) {
            failures.add(userId + " " + quoteNumber + " " + reply.replyClass());
          }
        };
    return MailerFixture.mailer(
            MailerFixture.company(MailerFixture.plain(greenMail.getSmtp().getPort())),
            users,
            log,
            listener)
        .clock(clock);
  }

  private QuoteMailer build(QuoteMailer.Builder builder) {
    return closer.track(builder.build());
  }

  private static QuoteEmail email(int deal) {
    return QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("deal-" + deal);
  }

  private static List<String> enqueue(QuoteMailer mailer, int count) {
    return enqueue(mailer, count, 1);
  }

  private static List<String> enqueue(QuoteMailer mailer, int count, int firstDeal) {
    List<String> ids = new ArrayList<>();
    for (int deal = firstDeal; deal < firstDeal + count; deal++) {
      EnqueueResult queued = mailer.enqueue(email(deal));
      ids.add(queued.id());
    }
    return ids;
  }

  /** The one entry of {@code ids} still pending: which one waits depends on the threads. */
  private static OutboxEntry onlyPending(QuoteMailer mailer, List<String> ids) {
    List<OutboxEntry> pending =
        ids.stream()
            .map(id -> mailer.outbox().find(id).orElseThrow())
            .filter(e -> e.state() == OutboxState.PENDING)
            .toList();
    assertThat(pending).hasSize(1);
    return pending.get(0);
  }

  private static void drain(QuoteMailer mailer) throws InterruptedException {
    mailer
        .worker()
        .retry(MailerFixture.FAST_RETRY)
        .pollInterval(Duration.ofMillis(20))
        .idleHorizon(Duration.ZERO)
        .build()
        .runUntilIdle();
  }

  /** The From address of every message GreenMail received, in order. */
  private static List<String> fromAddresses() throws Exception {
    List<String> from = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      from.add(((InternetAddress) m.getFrom()[0]).getAddress());
    }
    return from;
  }
}
