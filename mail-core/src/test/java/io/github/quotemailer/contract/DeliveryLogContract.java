package io.github.quotemailer.contract;

import static io.github.quotemailer.contract.StoreSamples.T0;
import static io.github.quotemailer.contract.StoreSamples.attempt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryLog} promises: the in-memory log and the JDBC log on each database run
 * these same tests.
 */
public interface DeliveryLogContract {
  /** An empty delivery log, ready to use, for one test. */
  DeliveryLog deliveryLog();

  @Test
  default void deliveryLogKeepsEveryFieldOfAnAttempt() {
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            Instant.parse("2025-12-09T10:15:30.654321Z"),
            "juan",
            "COT-2025-0142",
            "<COT-2025-0142.1@inair.example>",
            EmailAddress.of("ventas@inair.example"),
            ResolutionReason.OWN_ACCOUNT_REJECTED,
            List.of(
                EmailAddress.of("cliente@example.com"),
                EmailAddress.of("\"compras,mx\"@example.com"),
                EmailAddress.of("juan@inair.example")),
            DeliveryOutcome.FAILED_TRANSIENT,
            SmtpReplyClass.TRANSIENT,
            451,
            "451 4.3.0 try again later",
            Duration.ofMillis(1234));

    deliveryLog().record(attempt);

    assertThat(deliveryLog().byQuote("COT-2025-0142", Page.first(10))).containsExactly(attempt);
    assertThat(deliveryLog().byUser("juan", Page.first(10))).containsExactly(attempt);
  }

  @Test
  default void deliveryLogAnswersByUserQuoteAndTimeNewestFirstInPages() {
    DeliveryLog log = deliveryLog();
    DeliveryAttempt a1 = attempt(T0, "juan", "COT-1");
    DeliveryAttempt a2 = attempt(T0.plusSeconds(60), "juan", "COT-2");
    DeliveryAttempt a3 = attempt(T0.plusSeconds(60), "juan", "COT-1"); // same time: recorded later
    DeliveryAttempt a4 = attempt(T0.plusSeconds(120), "ana", "COT-3");
    DeliveryAttempt a5 = attempt(T0.plusSeconds(180), "juan", "COT-1");
    // Recorded out of time order on purpose: the order comes from the time, then the recording.
    for (DeliveryAttempt a : List.of(a5, a1, a2, a3, a4)) {
      log.record(a);
    }

    assertThat(log.byUser("juan", Page.first(10))).containsExactly(a5, a3, a2, a1);
    assertThat(log.byUser("juan", new Page(1, 2))).containsExactly(a3, a2);
    assertThat(log.byUser("juan", new Page(4, 2))).isEmpty();
    assertThat(log.byUser("ana", Page.first(10))).containsExactly(a4);
    assertThat(log.byUser("nobody", Page.first(10))).isEmpty();
    assertThat(log.byQuote("COT-1", Page.first(10))).containsExactly(a5, a3, a1);
    assertThat(log.byQuote("COT-1", new Page(2, 5))).containsExactly(a1);
    // [from, to): the attempt at exactly "to" is left out, the one at "from" is in.
    assertThat(log.between(T0.plusSeconds(60), T0.plusSeconds(180), Page.first(10)))
        .containsExactly(a4, a3, a2);
    assertThat(log.between(T0, T0.plusSeconds(3600), new Page(0, 2))).containsExactly(a5, a4);
  }
}
