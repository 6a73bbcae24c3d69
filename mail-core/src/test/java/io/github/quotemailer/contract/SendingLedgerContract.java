package io.github.quotemailer.contract;

import static io.github.quotemailer.contract.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.delivery.SendingLedger.Admission;
import io.github.quotemailer.delivery.SendingLedger.Granted;
import io.github.quotemailer.delivery.SendingLedger.Pause;
import io.github.quotemailer.delivery.SendingLedger.Refused;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SendingLedger} promises: sends counted from the delivery log plus live
 * reservations, one atomic reservation per check, pauses seen by every instance. The in-memory
 * ledger and the JDBC ledger on each database run these same tests.
 */
public interface SendingLedgerContract {
  /** Juan's mailbox, the identity most tests count. */
  EmailAddress JUAN = EmailAddress.of("juan@inair.example");

  /** Five minutes, as a worker's default lease. */
  Duration RESERVATION = Duration.ofMinutes(5);

  /** An empty delivery log: the one {@link #sendingLedger()} counts from. */
  DeliveryLog deliveryLog();

  /** A ledger counting the sends of {@link #deliveryLog()}, for one test. */
  SendingLedger sendingLedger();

  /**
   * A ledger over the same log and reservations as {@link #sendingLedger()}, as a second
   * application instance would open it (the in-memory ledger answers with itself).
   */
  SendingLedger sendingLedgerOfAnotherInstance();

  @Test
  default void onlySentAttemptsOfTheIdentityWithinTheWindowCount() {
    DeliveryLog log = deliveryLog();
    log.record(sent(JUAN, T0.minus(Duration.ofHours(25)))); // outside the window
    log.record(sent(JUAN, T0.minus(Duration.ofHours(20))));
    log.record(sent(JUAN, T0.minus(Duration.ofHours(1))));
    log.record(attempt(JUAN, T0.minusSeconds(600), DeliveryOutcome.FAILED_TRANSIENT));
    log.record(attempt(JUAN, T0.minusSeconds(300), DeliveryOutcome.DEFERRED));
    log.record(sent(EmailAddress.of("maria@inair.example"), T0.minusSeconds(60)));
    SendingLimit threeADay = SendingLimit.parse("limit", "3/24h");
    SendingLedger ledger = sendingLedger();

    Admission third = ledger.reserve(JUAN, threeADay, T0, T0.plus(RESERVATION));
    Admission fourth = ledger.reserve(JUAN, threeADay, T0, T0.plus(RESERVATION));

    assertThat(third).isInstanceOf(Granted.class);
    assertThat(fourth)
        .as("two sends and the reservation just made fill the limit")
        .isEqualTo(
            new Refused(
                JUAN,
                T0.minus(Duration.ofHours(20)).plus(Duration.ofHours(24)),
                "sending limit 3/24h of juan@inair.example reached"));
  }

  @Test
  default void aReservationCountsUntilReleasedAndTheRecordedSendCountsFromThen() {
    SendingLimit oneAnHour = SendingLimit.of(1, Duration.ofHours(1));
    SendingLedger ledger = sendingLedger();
    Granted granted = (Granted) ledger.reserve(JUAN, oneAnHour, T0, T0.plus(RESERVATION));

    Admission meanwhile = ledger.reserve(JUAN, oneAnHour, T0.plusSeconds(5), T0.plus(RESERVATION));
    deliveryLog().record(sent(JUAN, T0.plusSeconds(1)));
    ledger.release(granted);
    ledger.release(granted); // a second release changes nothing
    Admission afterRelease =
        ledger.reserve(JUAN, oneAnHour, T0.plusSeconds(10), T0.plusSeconds(310));
    Admission afterWindow =
        ledger.reserve(JUAN, oneAnHour, T0.plusSeconds(3601), T0.plusSeconds(3901));

    assertThat(granted.identity()).isEqualTo(JUAN);
    assertThat(meanwhile)
        .as("the send under way counts from its reservation")
        .isEqualTo(Refused.limitReached(JUAN, oneAnHour, T0.plus(Duration.ofHours(1))));
    assertThat(afterRelease)
        .as("once recorded, the send counts from the delivery log")
        .isEqualTo(
            Refused.limitReached(JUAN, oneAnHour, T0.plusSeconds(1).plus(Duration.ofHours(1))));
    assertThat(afterWindow).isInstanceOf(Granted.class);
  }

  @Test
  default void aReservationNeverReleasedStopsCountingWhenItExpires() {
    SendingLimit oneAnHour = SendingLimit.of(1, Duration.ofHours(1));
    SendingLedger ledger = sendingLedger();
    ledger.reserve(JUAN, oneAnHour, T0, T0.plus(RESERVATION)); // its worker dies

    assertThat(ledger.reserve(JUAN, oneAnHour, T0.plusSeconds(299), T0.plusSeconds(600)))
        .isInstanceOf(Refused.class);
    assertThat(ledger.reserve(JUAN, oneAnHour, T0.plus(RESERVATION), T0.plusSeconds(600)))
        .isInstanceOf(Granted.class);
  }

  @Test
  default void overALoweredLimitTheRefusalWaitsForEnoughSendsToLeaveTheWindow() {
    for (int minutesAgo : new int[] {50, 40, 30, 20}) {
      deliveryLog().record(sent(JUAN, T0.minus(Duration.ofMinutes(minutesAgo))));
    }
    SendingLimit twoAnHour = SendingLimit.of(2, Duration.ofHours(1));

    Admission refused = sendingLedger().reserve(JUAN, twoAnHour, T0, T0.plus(RESERVATION));

    assertThat(refused)
        .as("four counted against two: the third oldest must leave before one more fits")
        .isEqualTo(Refused.limitReached(JUAN, twoAnHour, T0.plus(Duration.ofMinutes(30))));
  }

  @Test
  default void aPauseRefusesTheIdentityOnEveryInstanceUntilItEnds() {
    SendingLedger ledger = sendingLedger();
    SendingLimit plenty = SendingLimit.of(100, Duration.ofHours(1));
    String reason = "paused after 550 5.4.5 Daily user sending quota exceeded";
    Instant end = T0.plus(Duration.ofHours(24));

    ledger.pause(JUAN, end, reason);
    ledger.pause(JUAN, T0.plus(Duration.ofHours(1)), "a shorter pause does not shorten it");

    SendingLedger other = sendingLedgerOfAnotherInstance();
    assertThat(other.pauseOf(JUAN, T0)).contains(new Pause(end, reason));
    assertThat(other.reserve(JUAN, plenty, T0, T0.plus(RESERVATION)))
        .isEqualTo(new Refused(JUAN, end, reason));
    assertThat(other.pauseOf(EmailAddress.of("maria@inair.example"), T0)).isEmpty();
    assertThat(other.reserve(EmailAddress.of("maria@inair.example"), plenty, T0, end))
        .isInstanceOf(Granted.class);
    assertThat(ledger.pauseOf(JUAN, end)).as("over at its end").isEmpty();
    assertThat(ledger.reserve(JUAN, plenty, end, end.plus(RESERVATION)))
        .isInstanceOf(Granted.class);
  }

  @Test
  default void workersOfTwoInstancesRacingForTheLastSlotNeverBothGetIt() throws Exception {
    SendingLedger[] instances = {sendingLedger(), sendingLedgerOfAnotherInstance()};
    SendingLimit threeAnHour = SendingLimit.of(3, Duration.ofHours(1));
    int workers = 6;
    ExecutorService threads = Executors.newFixedThreadPool(workers);
    try {
      for (int round = 0; round < 10; round++) {
        EmailAddress identity = EmailAddress.of("race-" + round + "@inair.example");
        deliveryLog().record(sent(identity, T0.minusSeconds(120)));
        deliveryLog().record(sent(identity, T0.minusSeconds(60)));
        CyclicBarrier together = new CyclicBarrier(workers);
        List<Future<Admission>> answers = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          SendingLedger ledger = instances[w % 2];
          answers.add(
              threads.submit(
                  () -> {
                    together.await();
                    return ledger.reserve(identity, threeAnHour, T0, T0.plus(RESERVATION));
                  }));
        }
        int granted = 0;
        for (Future<Admission> answer : answers) {
          granted += answer.get(1, TimeUnit.MINUTES) instanceof Granted ? 1 : 0;
        }
        assertThat(granted).as("round %d: reservations granted for one free slot", round).isOne();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static DeliveryAttempt sent(EmailAddress identity, Instant at) {
    return attempt(identity, at, DeliveryOutcome.SENT);
  }

  private static DeliveryAttempt attempt(
      EmailAddress identity, Instant at, DeliveryOutcome outcome) {
    return DeliveryAttempt.builder()
        .at(at)
        .userId("juan")
        .quoteNumber("COT-" + at.toEpochMilli())
        .messageId("<" + at.toEpochMilli() + "." + identity + ">")
        .identity(identity)
        .reason(ResolutionReason.OWN_ACCOUNT)
        .recipients(List.of(EmailAddress.of("compras@hsjn.example")))
        .outcome(outcome)
        .replyClass(
            outcome == DeliveryOutcome.SENT ? SmtpReplyClass.ACCEPTED : SmtpReplyClass.TRANSIENT)
        .replyCode(outcome == DeliveryOutcome.SENT ? 250 : 451)
        .replyText(outcome == DeliveryOutcome.SENT ? "250 2.0.0 OK" : "451 4.3.0 later")
        .duration(Duration.ofMillis(300))
        .build();
  }
}
