package io.github.quotemailer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.delivery.SendingLedger.Granted;
import io.github.quotemailer.delivery.SendingLedger.Refused;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory ledger's own concerns; what every ledger promises is {@code SendingLedgerContract},
 * which {@code InMemoryStoresTest} runs on it.
 */
class InMemorySendingLedgerTest {
  private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
  private static final EmailAddress JUAN = EmailAddress.of("juan@inair.example");

  @Test
  void countsSendsBeyondOnePageOfTheDeliveryLog() {
    InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    int sends = Page.MAX_LIMIT * 2 + 1;
    for (int i = 0; i < sends; i++) {
      log.record(sent(T0.minusSeconds(sends - i)));
    }
    InMemorySendingLedger ledger = new InMemorySendingLedger(log);
    SendingLimit limit = SendingLimit.of(sends + 1, Duration.ofDays(1));

    assertThat(ledger.reserve(JUAN, limit, T0, T0.plusSeconds(300))).isInstanceOf(Granted.class);
    assertThat(ledger.reserve(JUAN, limit, T0, T0.plusSeconds(300)))
        .isEqualTo(
            Refused.limitReached(JUAN, limit, T0.minusSeconds(sends).plus(Duration.ofDays(1))));
  }

  @Test
  void countsSendsRecordedAfterTheLedgerWasMade() {
    InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    InMemorySendingLedger ledger = new InMemorySendingLedger(log);
    SendingLimit one = SendingLimit.of(1, Duration.ofMinutes(1));

    log.record(sent(T0.minusSeconds(10)));

    assertThat(ledger.reserve(JUAN, one, T0, T0.plusSeconds(300)))
        .isEqualTo(Refused.limitReached(JUAN, one, T0.plusSeconds(50)));
  }

  private static DeliveryAttempt sent(Instant at) {
    return DeliveryAttempt.builder()
        .at(at)
        .userId("juan")
        .quoteNumber("COT-" + at.getEpochSecond())
        .messageId("<" + at.getEpochSecond() + "@inair.example>")
        .identity(JUAN)
        .reason(ResolutionReason.OWN_ACCOUNT)
        .recipients(List.of(EmailAddress.of("compras@hsjn.example")))
        .outcome(DeliveryOutcome.SENT)
        .replyClass(SmtpReplyClass.ACCEPTED)
        .replyCode(250)
        .replyText("250 2.0.0 OK")
        .duration(Duration.ofMillis(200))
        .build();
  }
}
