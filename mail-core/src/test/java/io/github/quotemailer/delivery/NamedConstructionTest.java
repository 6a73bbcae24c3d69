package io.github.quotemailer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.contract.StoreSamples;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The builders of the wide records give the same values as their constructors, and validate. */
class NamedConstructionTest {
  @Test
  void aDeliveryAttemptBuiltByNameEqualsTheSameAttemptBuiltInARow() {
    DeliveryAttempt inARow = StoreSamples.attempt(StoreSamples.T0, "juan", "COT-1");

    DeliveryAttempt byName =
        DeliveryAttempt.builder()
            .at(inARow.at())
            .userId("juan")
            .quoteNumber("COT-1")
            .messageId(inARow.messageId())
            .identity(EmailAddress.of("juan@inair.example"))
            .reason(ResolutionReason.OWN_ACCOUNT)
            .recipients(List.of(EmailAddress.of("cliente@example.com")))
            .outcome(DeliveryOutcome.SENT)
            .replyClass(SmtpReplyClass.ACCEPTED)
            .replyCode(250)
            .replyText("250 2.0.0 queued")
            .duration(Duration.ofMillis(412))
            .build();

    assertThat(byName).isEqualTo(inARow);
  }

  @Test
  void aBuilderMissingARequiredPartFailsNamingIt() {
    assertThatThrownBy(() -> DeliveryAttempt.builder().userId("juan").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("at:");
    assertThatThrownBy(() -> OutboxMessage.builder().idempotencyKey("k").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("messageId:");
  }

  @Test
  void anOutboxAttachmentWithoutItsPdfOrQuoteFailsNamingIt() {
    assertThatThrownBy(() -> OutboxMessage.builder().pdf(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("pdf:");
    assertThatThrownBy(() -> OutboxMessage.builder().quote(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("quote:");
    assertThatThrownBy(
            () ->
                OutboxMessage.builder()
                    .idempotencyKey("k")
                    .messageId("<m@inair.example>")
                    .salesperson(
                        StoreSamples.message("k", "<m@x.example>", StoreSamples.T0).salesperson())
                    .quoteNumber("COT-1")
                    .content(StoreSamples.message("k", "<m@x.example>", StoreSamples.T0).content())
                    .pdfFileName("COT-1.pdf")
                    .enqueuedAt(StoreSamples.T0)
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("attachment:");
  }

  @Test
  void anOutboxMessageBuiltByNameKeepsEveryPart() {
    OutboxMessage inARow = StoreSamples.message("key-1", "<m1@inair.example>", StoreSamples.T0);

    OutboxMessage byName =
        OutboxMessage.builder()
            .idempotencyKey(inARow.idempotencyKey())
            .messageId(inARow.messageId())
            .salesperson(inARow.salesperson())
            .quoteNumber(inARow.quoteNumber())
            .to(inARow.to())
            .cc(inARow.cc())
            .content(inARow.content())
            .attachment(inARow.attachment())
            .pdfFileName(inARow.pdfFileName())
            .enqueuedAt(inARow.enqueuedAt())
            .build();

    assertThat(byName).usingRecursiveComparison().isEqualTo(inARow);
  }

  @Test
  void aReceiptBuiltByNameDefaultsToNoReplyTo() {
    DeliveryReceipt receipt =
        DeliveryReceipt.builder()
            .messageId("<m1@inair.example>")
            .authenticatedAs(EmailAddress.of("ventas@inair.example"))
            .from(EmailAddress.of("ventas@inair.example"))
            .fromName("INAIR")
            .reason(ResolutionReason.NOT_CONFIGURED)
            .reply(SmtpReply.accepted(250, "250 ok"))
            .attempts(1)
            .sentAt(StoreSamples.T0)
            .build();

    assertThat(receipt.replyTo()).isEqualTo(Optional.empty());
    assertThat(receipt.reason()).isEqualTo(ResolutionReason.NOT_CONFIGURED);
  }
}
