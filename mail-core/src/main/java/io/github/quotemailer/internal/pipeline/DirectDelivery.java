package io.github.quotemailer.internal.pipeline;

import io.github.quotemailer.DeliveryException;
import io.github.quotemailer.OutcomeUnknownException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.internal.SmtpFailure;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;

/**
 * Runs the {@link DeliveryPipeline} for {@code QuoteMailer.send}: the caller's thread carries each
 * decision out, pausing before a retry and throwing when the email cannot go now.
 */
public final class DirectDelivery {
  private final DeliveryPipeline pipeline;
  private final FallbackDecision decision;

  /** Direct sends through {@code pipeline}. */
  public DirectDelivery(DeliveryPipeline pipeline) {
    this.pipeline = pipeline;
    this.decision = FallbackDecision.forDirectSend(pipeline.config().fallbackPolicy());
  }

  /**
   * Sends {@code email} now, following the fallback table.
   *
   * @throws DeliveryException when no identity could deliver it, or the policy defers it
   * @throws OutcomeUnknownException when the server may have it (not resent)
   */
  public DeliveryReceipt send(OutboxMessage email) {
    SenderIdentity identity = pipeline.firstIdentity(email);
    int attempts = 0;
    int tries = 0;
    while (true) {
      attempts++;
      tries++;
      try {
        DeliveryReceipt receipt = pipeline.attempt(email, identity, attempts, () -> {});
        pipeline.delivered(email, identity, receipt);
        return receipt;
      } catch (SmtpFailure failure) {
        NextStep step = DeliveryPipeline.decide(decision, identity, failure, tries);
        if (step.fallsBack()) {
          identity = pipeline.fallBack(email, step, failure.reply());
          tries = 0;
        } else {
          carryOut(step, email, failure);
        }
      }
    }
  }

  /** Carries out every step but a fall-back: pause for a retry, or throw. */
  private void carryOut(NextStep step, OutboxMessage email, SmtpFailure failure) {
    switch (step.kind()) {
      case RETRY_SAME_SENDER -> pause(pipeline.config().fallbackPolicy().retryDelay());
      case DEFER ->
          throw failed(email, failure, "; the policy defers it: try again when the window reopens");
      case OUTCOME_UNKNOWN -> throw outcomeUnknown(email, failure);
      default -> throw failed(email, failure, "");
    }
  }

  private DeliveryException failed(OutboxMessage email, SmtpFailure failure, String advice) {
    SmtpReply reply = failure.reply();
    pipeline.listener().onFailed(email.salesperson().userId(), email.quoteNumber(), reply);
    String what =
        reply.replyClass() == SmtpReplyClass.RECIPIENT_REJECTED
            ? "a recipient was rejected; fix the address, another sender would not help"
            : "delivery failed (" + reply.replyClass() + ")";
    return new DeliveryException(
        "quote " + email.quoteNumber() + " not sent: " + what + ": " + reply.describe() + advice,
        reply,
        failure);
  }

  private OutcomeUnknownException outcomeUnknown(OutboxMessage email, SmtpFailure failure) {
    pipeline
        .listener()
        .onFailed(email.salesperson().userId(), email.quoteNumber(), failure.reply());
    return new OutcomeUnknownException(
        "quote "
            + email.quoteNumber()
            + " may have been delivered: the connection failed after DATA without a reply ("
            + failure.reply().describe()
            + "); it was not resent, to avoid a duplicate. Check the delivery log for "
            + email.messageId(),
        email.messageId(),
        failure.reply(),
        failure);
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuoteMailerException("interrupted while waiting to retry", e);
    }
  }
}
