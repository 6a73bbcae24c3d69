package io.github.quotemailer.internal.pipeline;

import io.github.quotemailer.DeliveryException;
import io.github.quotemailer.OutcomeUnknownException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.SendingLedger.Refused;
import io.github.quotemailer.internal.SmtpFailure;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs the {@link DeliveryPipeline} for {@code QuoteMailer.send}: the caller's thread carries each
 * decision out, pausing before a retry and throwing when the email cannot go now.
 */
public final class DirectDelivery {
  /**
   * How long a direct send's reservation under a sending limit counts if never released (the
   * process died mid-send): a worker's default lease, far longer than one attempt.
   */
  static final Duration RESERVATION = DeliveryWorker.DEFAULT_LEASE;

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
   * @throws DeliveryException when no identity could deliver it, or the policy defers it (over a
   *     sending limit, or paused after a quota reply: reply class {@link SmtpReplyClass#QUOTA})
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
        DeliveryReceipt receipt =
            pipeline.attempt(email, identity, attempts, () -> {}, RESERVATION);
        pipeline.delivered(email, identity, receipt);
        return receipt;
      } catch (SendingRefused refused) {
        identity = afterRefusal(email, identity, refused.refusal());
        attempts--;
        tries = 0;
      } catch (SmtpFailure failure) {
        NextStep step = DeliveryPipeline.decide(decision, identity, failure, tries);
        Optional<Refused> paused =
            pipeline.pauseAfterQuotaReply(identity, failure, RetrySettings.DEFAULT_QUOTA_DEFERRAL);
        if (step.fallsBack()) {
          identity = pipeline.fallBack(email, step, failure.reply());
          tries = 0;
        } else {
          carryOut(step, email, identity, failure, paused);
        }
      }
    }
  }

  /**
   * {@code identity} may not send now: the company account when the policy falls back; otherwise
   * the refusal is recorded and reported.
   */
  private SenderIdentity afterRefusal(
      OutboxMessage email, SenderIdentity identity, Refused refusal) {
    NextStep step = DeliveryPipeline.decideRefused(decision, identity);
    if (step.fallsBack()) {
      return pipeline.companyIdentity(email, step.fallbackReason().orElseThrow());
    }
    String text = refusal.reason() + "; not sent, try again at " + refusal.reopensAt();
    pipeline.recordDeferral(email, identity, text);
    SmtpReply reply = DeliveryPipeline.deferral(text);
    pipeline.listener().onFailed(email.salesperson().userId(), email.quoteNumber(), reply);
    throw new DeliveryException(
        "quote "
            + email.quoteNumber()
            + " not sent: "
            + refusal.reason()
            + "; the policy defers it: try again at "
            + refusal.reopensAt()
            + ", or enqueue it and the worker sends it then",
        reply,
        null);
  }

  /** Carries out every step but a fall-back: pause for a retry, or throw. */
  private void carryOut(
      NextStep step,
      OutboxMessage email,
      SenderIdentity tried,
      SmtpFailure failure,
      Optional<Refused> paused) {
    switch (step.kind()) {
      case RETRY_SAME_SENDER -> pause(pipeline.config().fallbackPolicy().retryDelay());
      case DEFER -> throw deferred(email, tried, failure, paused);
      case OUTCOME_UNKNOWN -> throw outcomeUnknown(email, failure);
      default -> throw failed(email, failure, "");
    }
  }

  /**
   * The policy defers after {@code failure}: recorded in the delivery log like a queued deferral,
   * and reported with the time to try again.
   */
  private DeliveryException deferred(
      OutboxMessage email, SenderIdentity tried, SmtpFailure failure, Optional<Refused> paused) {
    Instant again =
        paused
            .map(Refused::reopensAt)
            .orElseGet(() -> pipeline.now().plus(RetrySettings.DEFAULT_QUOTA_DEFERRAL));
    String why = paused.map(Refused::reason).orElse(failure.reply().describe());
    pipeline.recordDeferral(email, tried, why + "; not sent, try again at " + again);
    return failed(email, failure, "; the policy defers it: try again at " + again);
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
