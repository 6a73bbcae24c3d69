package io.github.quotemailer.internal.pipeline;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.SendingLedger.Refused;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.internal.SmtpFailure;
import io.github.quotemailer.internal.worker.ClaimedEntrySender;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.UnknownOutcome;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.smtp.SmtpReply;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeliveryPipeline} for one claimed outbox entry: each decision is carried out by
 * recording it in the outbox (sent, retry at a time, deferred until a sending limit's window
 * reopens, dead letter, parked); nothing is thrown.
 */
public final class QueuedDelivery implements ClaimedEntrySender {
  private static final Logger LOG = LoggerFactory.getLogger(QueuedDelivery.class);

  private final DeliveryPipeline pipeline;
  private final UnaryOperator<OutboxMessage> renderer;
  private final OutboxStore outbox;
  private final RandomGenerator random;

  /**
   * Queued sends through {@code pipeline}, their quote snapshots rendered by {@code renderer},
   * recorded in {@code outbox}; jitter from {@code random}.
   */
  public QueuedDelivery(
      DeliveryPipeline pipeline,
      UnaryOperator<OutboxMessage> renderer,
      OutboxStore outbox,
      RandomGenerator random) {
    this.pipeline = pipeline;
    this.renderer = renderer;
    this.outbox = outbox;
    this.random = random;
  }

  @Override
  public void deliver(OutboxEntry claimed, Lease lease) {
    if (claimed.sendStarted() && !resendAfterCrash(claimed, lease)) {
      return;
    }
    Optional<OutboxEntry> rendered = rendered(claimed, lease);
    if (rendered.isEmpty()) {
      return;
    }
    OutboxEntry entry = rendered.get();
    OutboxMessage email = entry.message();
    FallbackDecision decision =
        FallbackDecision.forQueue(pipeline.config().fallbackPolicy(), lease.retry());
    SenderIdentity identity =
        entry
            .fallbackReason()
            .map(reason -> pipeline.companyIdentity(email, reason))
            .orElseGet(() -> pipeline.firstIdentity(email));
    // Recorded right before DATA: a crash earlier than that is known to have sent nothing.
    Runnable dataStarting = () -> outbox.markSendStarted(entry.id(), lease.owner());
    try {
      while (identity != null) {
        identity = attempt(entry, lease, decision, identity, dataStarting);
      }
    } catch (ConfigurationException e) {
      // The library's wiring, not the quote, is wrong: keep it queued until an operator fixes it.
      LOG.error(
          "quote={} entry={} cannot be sent: {}", email.quoteNumber(), entry.id(), e.getMessage());
      retryUnlessExhausted(entry, lease, e.getMessage());
    } catch (InvalidInputException e) {
      deadLetter(entry, lease, e.getMessage());
    }
  }

  /**
   * {@code entry} with its PDF, rendered from its quote snapshot when it has one; empty when it
   * cannot be, and the outcome is recorded: a PDF over the size limit is a dead letter, a renderer
   * that throws is retried like a transient failure (the cause may pass), then dead-lettered.
   */
  private Optional<OutboxEntry> rendered(OutboxEntry entry, Lease lease) {
    try {
      OutboxMessage message = renderer.apply(entry.message());
      if (message == entry.message()) {
        return Optional.of(entry); // queued with its PDF
      }
      return Optional.of(
          new OutboxEntry(
              entry.id(),
              message,
              entry.state(),
              entry.attempts(),
              entry.nextAttemptAt(),
              entry.lastError(),
              entry.fallbackReason(),
              entry.sendStarted()));
    } catch (InvalidInputException e) {
      deadLetter(entry, lease, e.getMessage());
    } catch (QuoteMailerException e) {
      LOG.error(
          "quote={} entry={} could not be rendered: {}",
          entry.message().quoteNumber(),
          entry.id(),
          e.getMessage());
      retryUnlessExhausted(entry, lease, e.getMessage());
    }
    return Optional.empty();
  }

  /** One attempt; returns the company identity to try next in this claim, or null when done. */
  private SenderIdentity attempt(
      OutboxEntry entry,
      Lease lease,
      FallbackDecision decision,
      SenderIdentity identity,
      Runnable dataStarting) {
    OutboxMessage email = entry.message();
    try {
      DeliveryReceipt receipt =
          pipeline.attempt(email, identity, entry.attempts(), dataStarting, lease.length());
      pipeline.delivered(email, identity, receipt);
      outbox.markSent(entry.id(), lease.owner(), pipeline.now());
      return null;
    } catch (SendingRefused refused) {
      return afterRefusal(entry, lease, decision, identity, refused.refusal());
    } catch (SmtpFailure failure) {
      NextStep step = DeliveryPipeline.decide(decision, identity, failure, entry.attempts());
      Optional<Refused> paused =
          pipeline.pauseAfterQuotaReply(identity, failure, lease.retry().quotaDeferral());
      if (step.fallsBack()) {
        return pipeline.fallBack(email, step, failure.reply());
      }
      carryOut(step, entry, lease, identity, failure, paused);
      return null;
    }
  }

  /**
   * {@code identity} may not send now: the company account in this claim, when the policy falls
   * back, or the entry waits until the identity may send again.
   */
  private SenderIdentity afterRefusal(
      OutboxEntry entry,
      Lease lease,
      FallbackDecision decision,
      SenderIdentity identity,
      Refused refusal) {
    NextStep step = DeliveryPipeline.decideRefused(decision, identity);
    if (step.fallsBack()) {
      LOG.info(
          "quote={} entry={} {}; sent from the company account instead",
          entry.message().quoteNumber(),
          entry.id(),
          refusal.reason());
      return pipeline.companyIdentity(entry.message(), step.fallbackReason().orElseThrow());
    }
    defer(entry, lease, identity, refusal);
    return null;
  }

  /** Records every step but a fall-back in the outbox. */
  private void carryOut(
      NextStep step,
      OutboxEntry entry,
      Lease lease,
      SenderIdentity tried,
      SmtpFailure failure,
      Optional<Refused> paused) {
    String error = failure.reply().describe();
    switch (step.kind()) {
      case RETRY_SAME_SENDER -> retryLater(entry, lease, tried, failure.reply(), error);
      case DEFER ->
          defer(
              entry,
              lease,
              tried,
              paused.orElseGet(
                  () ->
                      new Refused(
                          tried.envelopeFrom(),
                          lease.retry().afterQuotaDeferral(pipeline.now()),
                          error)));
      case OUTCOME_UNKNOWN -> afterUnknownOutcome(entry, lease, tried.reason(), error);
      default -> deadLetter(entry, lease, error);
    }
  }

  /**
   * The entry waits until {@code refusal} ends, without counting this attempt (so waiting never
   * leads to a dead letter); the delivery log and the outbox say why and when it goes.
   */
  private void defer(OutboxEntry entry, Lease lease, SenderIdentity identity, Refused refusal) {
    String note = refusal.reason() + "; goes at " + refusal.reopensAt();
    pipeline.recordDeferral(entry.message(), identity, note);
    outbox.defer(entry.id(), lease.owner(), refusal.reopensAt(), note);
    LOG.info("quote={} entry={} deferred: {}", entry.message().quoteNumber(), entry.id(), note);
  }

  private void retryUnlessExhausted(OutboxEntry entry, Lease lease, String error) {
    if (entry.attempts() >= lease.retry().maxAttempts()) {
      deadLetter(entry, lease, error);
      return;
    }
    Instant next = lease.retry().nextAttemptAt(entry.attempts(), pipeline.now(), random);
    outbox.scheduleRetry(entry.id(), lease.owner(), next, error, Optional.empty());
  }

  private void retryLater(
      OutboxEntry entry, Lease lease, SenderIdentity tried, SmtpReply reply, String error) {
    ResolutionReason reason = tried.reason();
    if (!tried.ownAccount() && reply.replyClass().isPermanent()) {
      LOG.error(
          "company account {} failing ({}); quote={} stays queued until it is fixed",
          tried.envelopeFrom(),
          error,
          entry.message().quoteNumber());
    }
    Instant next = lease.retry().nextAttemptAt(entry.attempts(), pipeline.now(), random);
    Optional<ResolutionReason> remembered =
        Optional.of(reason).filter(FallbackDecision::retriesRemember);
    outbox.scheduleRetry(entry.id(), lease.owner(), next, error, remembered);
  }

  /**
   * The connection failed after DATA without a reply: the server may have the message. Park it for
   * a person, or resend later knowing it may be a duplicate (same Message-ID).
   */
  private void afterUnknownOutcome(
      OutboxEntry entry, Lease lease, ResolutionReason reason, String reply) {
    OutboxMessage m = entry.message();
    String note = "outcome unknown after DATA: " + reply;
    if (lease.unknownOutcome() == UnknownOutcome.PARK) {
      outbox.markOutcomeUnknown(entry.id(), lease.owner(), note);
      LOG.warn("quote={} entry={} {}: parked", m.quoteNumber(), entry.id(), note);
      return;
    }
    LOG.warn(
        "quote={} entry={} messageId={} {}: will be resent, possible duplicate",
        m.quoteNumber(),
        entry.id(),
        m.messageId(),
        note);
    Instant next = lease.retry().nextAttemptAt(entry.attempts(), pipeline.now(), random);
    Optional<ResolutionReason> remembered =
        Optional.of(reason).filter(FallbackDecision::retriesRemember);
    outbox.scheduleRetry(entry.id(), lease.owner(), next, note, remembered);
  }

  /**
   * An entry whose DATA was under way when its worker died: parked, or resent as a possible
   * duplicate. Returns whether to send it.
   */
  private boolean resendAfterCrash(OutboxEntry entry, Lease lease) {
    OutboxMessage m = entry.message();
    if (lease.unknownOutcome() == UnknownOutcome.PARK) {
      outbox.markOutcomeUnknown(
          entry.id(), lease.owner(), "a worker died during the SMTP transaction");
      LOG.warn(
          "quote={} entry={} outcome unknown after a crash: parked", m.quoteNumber(), entry.id());
      return false;
    }
    LOG.warn(
        "quote={} entry={} messageId={} resent after a crash during the SMTP transaction:"
            + " possible duplicate",
        m.quoteNumber(),
        entry.id(),
        m.messageId());
    return true;
  }

  private void deadLetter(OutboxEntry entry, Lease lease, String error) {
    outbox.deadLetter(entry.id(), lease.owner(), error);
    OutboxMessage m = entry.message();
    LOG.warn("quote={} entry={} dead-lettered: {}", m.quoteNumber(), entry.id(), error);
    pipeline
        .listener()
        .onDeadLettered(m.salesperson().userId(), m.quoteNumber(), m.messageId(), error);
  }
}
