package io.github.quotemailer.internal.pipeline;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.delivery.SendingLedger.Admission;
import io.github.quotemailer.delivery.SendingLedger.Granted;
import io.github.quotemailer.delivery.SendingLedger.Pause;
import io.github.quotemailer.delivery.SendingLedger.Refused;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.internal.MailerConfig;
import io.github.quotemailer.internal.MessageFactory;
import io.github.quotemailer.internal.SmtpFailure;
import io.github.quotemailer.internal.pipeline.FallbackDecision.Ending;
import io.github.quotemailer.internal.pipeline.FallbackDecision.Sender;
import io.github.quotemailer.internal.transport.MailTransport;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages every email goes through, on the direct and the queued path alike: resolve the
 * identity, admit it under its sending limit (or refuse it while it is over the limit or paused),
 * build the message, hand it to the transport, record the attempt, and ask the {@link
 * FallbackDecision} what follows a failure or a refusal. The paths differ only in how they carry
 * that out ({@link DirectDelivery}, {@link QueuedDelivery}).
 */
public final class DeliveryPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipeline.class);

  private final MailerConfig config;
  private final MailTransport transport;
  private final DeliveryListener listener;
  private final IdentityResolver resolver;
  private final SendingLedger ledger;

  /** A pipeline over {@code config}'s stores sending through {@code transport}. */
  public DeliveryPipeline(MailerConfig config, MailTransport transport, DeliveryListener listener) {
    this.config = config;
    this.transport = transport;
    this.listener = listener;
    FallbackDecision firstSender = FallbackDecision.forDirectSend(config.fallbackPolicy());
    this.resolver =
        new IdentityResolver(
            config.userSettings(),
            config.cipher(),
            config.companySender(),
            firstSender,
            listener,
            config.clock(),
            config.sendingLimits());
    this.ledger = config.sendingLedger();
  }

  MailerConfig config() {
    return config;
  }

  DeliveryListener listener() {
    return listener;
  }

  /** Stage 1: the identity to try first. */
  SenderIdentity firstIdentity(OutboxMessage email) {
    return resolver.resolveFor(email.salesperson());
  }

  /** The company identity sending {@code email} for {@code reason}. */
  SenderIdentity companyIdentity(OutboxMessage email, ResolutionReason reason) {
    return resolver.companyIdentityFor(email.salesperson(), reason);
  }

  /**
   * Stages 1b to 4: admits {@code identity} under its sending limit, reserving one send that ends
   * once the attempt is recorded or after {@code reservation}; then builds the message, sends it
   * and records the attempt. {@code dataStarting} runs right before the DATA command.
   *
   * @throws SendingRefused when the identity is over its limit or paused (nothing is sent)
   * @throws InvalidInputException when the message is over the size limit (nothing is sent)
   */
  DeliveryReceipt attempt(
      OutboxMessage email,
      SenderIdentity identity,
      int attempts,
      Runnable dataStarting,
      Duration reservation)
      throws SmtpFailure, SendingRefused {
    Optional<Granted> granted = admit(identity, reservation);
    try {
      return send(email, identity, attempts, dataStarting);
    } finally {
      // Only now: the attempt is in the delivery log, where it is counted from here on.
      granted.ifPresent(this::release);
    }
  }

  /**
   * Stage 1b: an identity with a limit reserves one send; one without is only checked for a pause.
   */
  private Optional<Granted> admit(SenderIdentity identity, Duration reservation)
      throws SendingRefused {
    Instant now = now();
    EmailAddress mailbox = identity.envelopeFrom();
    Optional<SendingLimit> limit = identity.sendingLimit();
    if (limit.isEmpty()) {
      Optional<Pause> pause = ledger.pauseOf(mailbox, now);
      if (pause.isPresent()) {
        throw new SendingRefused(Refused.paused(mailbox, pause.get()));
      }
      return Optional.empty();
    }
    Admission admission = ledger.reserve(mailbox, limit.get(), now, now.plus(reservation));
    if (admission instanceof Refused refused) {
      throw new SendingRefused(refused);
    }
    return Optional.of((Granted) admission);
  }

  private void release(Granted granted) {
    try {
      ledger.release(granted);
    } catch (RuntimeException e) {
      // The mail's outcome stands; the reservation stops counting when it expires.
      LOG.warn(
          "identity={} reservation={} could not be released, it counts until it expires: {}",
          granted.identity(),
          granted.id(),
          e.getMessage());
    }
  }

  /** Stages 2 to 4 for an admitted identity. */
  private DeliveryReceipt send(
      OutboxMessage email, SenderIdentity identity, int attempts, Runnable dataStarting)
      throws SmtpFailure {
    Instant started = now();
    long startNanos = System.nanoTime();
    MimeMessage message = MessageFactory.build(identity, email, started);
    long size = checkedSize(message);
    List<EmailAddress> recipients = email.recipients();
    try {
      SmtpReply reply =
          transport.send(
              new MailTransport.Submission(
                  identity.account(),
                  identity.tokenOwner(),
                  identity.envelopeFrom(),
                  message,
                  recipients,
                  size,
                  dataStarting));
      record(email, identity, started, startNanos, DeliveryOutcome.SENT, reply);
      return receipt(email, identity, reply, attempts);
    } catch (SmtpFailure failure) {
      record(email, identity, started, startNanos, outcomeOf(failure.reply()), failure.reply());
      throw failure;
    }
  }

  /** Stage 5: what follows {@code failure} of {@code tried}, its {@code tries}-th try. */
  static NextStep decide(
      FallbackDecision decision, SenderIdentity tried, SmtpFailure failure, int tries) {
    return decision.afterFailure(
        senderOf(tried),
        failure.reply().replyClass(),
        failure.outcomeUnknown() ? Ending.NO_REPLY_AFTER_DATA : Ending.REPLY,
        tries);
  }

  /** Stage 5 after a refusal: what follows when {@code refused} may not send now. */
  static NextStep decideRefused(FallbackDecision decision, SenderIdentity refused) {
    return decision.whenRefused(senderOf(refused));
  }

  private static Sender senderOf(SenderIdentity identity) {
    return identity.ownAccount() ? Sender.OWN_ACCOUNT : Sender.COMPANY;
  }

  /**
   * After {@code failure} of {@code tried}: when its provider answered that the quota is used up,
   * pauses the identity on every node for its limit's window (else {@code otherwise}) and returns
   * that pause as the refusal later sends meet; empty for any other failure.
   */
  Optional<Refused> pauseAfterQuotaReply(
      SenderIdentity tried, SmtpFailure failure, Duration otherwise) {
    SmtpReply reply = failure.reply();
    if (reply.replyClass() != SmtpReplyClass.QUOTA) {
      return Optional.empty();
    }
    EmailAddress mailbox = tried.envelopeFrom();
    Duration length = tried.sendingLimit().map(SendingLimit::window).orElse(otherwise);
    Pause pause = new Pause(now().plus(length), "paused after " + reply.describe());
    LOG.warn("identity={} {} until {}", mailbox, pause.reason(), pause.until());
    try {
      ledger.pause(mailbox, pause.until(), pause.reason());
    } catch (RuntimeException e) {
      // This email still waits; later ones may try the server once more and be paused then.
      LOG.warn("identity={} pause could not be recorded: {}", mailbox, e.getMessage());
    }
    return Optional.of(Refused.paused(mailbox, pause));
  }

  /**
   * Records in the delivery log that {@code email} was not attempted with {@code identity}: outcome
   * {@link DeliveryOutcome#DEFERRED}, class {@link SmtpReplyClass#QUOTA}, {@code text} saying why
   * and when. Never counted against a limit.
   */
  void recordDeferral(OutboxMessage email, SenderIdentity identity, String text) {
    record(email, identity, now(), System.nanoTime(), DeliveryOutcome.DEFERRED, deferral(text));
  }

  /** The reply a deferral is recorded and reported with. */
  static SmtpReply deferral(String text) {
    return new SmtpReply(SmtpReplyClass.QUOTA, 0, Optional.empty(), text);
  }

  /**
   * Carries out a fall-back {@code step} after the own account's {@code reply}: marks the settings
   * rejected when the step says so, and returns the company identity to send with.
   */
  SenderIdentity fallBack(OutboxMessage email, NextStep step, SmtpReply reply) {
    if (step.kind() == NextStep.Kind.FALL_BACK_AND_MARK_REJECTED) {
      markRejected(email.salesperson().userId(), reply);
    }
    return companyIdentity(email, step.fallbackReason().orElseThrow());
  }

  /**
   * After a delivery: the host's listener first (the mail is out, whatever the stores do next),
   * then the settings' health.
   */
  void delivered(OutboxMessage email, SenderIdentity identity, DeliveryReceipt receipt) {
    String userId = email.salesperson().userId();
    if (!identity.ownAccount()) {
      listener.onFallback(userId, email.quoteNumber(), identity.reason());
    }
    listener.onDelivered(userId, receipt);
    if (identity.ownAccount()) {
      markVerified(userId, identity);
    }
  }

  private long checkedSize(MimeMessage message) {
    long size = MessageFactory.sizeOf(message);
    if (size > config.maxMessageBytes()) {
      throw new InvalidInputException(
          "quote",
          "the email would be "
              + size
              + " bytes, over the limit of "
              + config.maxMessageBytes()
              + "; shrink the logo or split the quote");
    }
    return size;
  }

  private static DeliveryOutcome outcomeOf(SmtpReply reply) {
    return reply.replyClass().isPermanent()
        ? DeliveryOutcome.FAILED_PERMANENT
        : DeliveryOutcome.FAILED_TRANSIENT;
  }

  private DeliveryReceipt receipt(
      OutboxMessage email, SenderIdentity identity, SmtpReply reply, int attempts) {
    return DeliveryReceipt.builder()
        .messageId(email.messageId())
        .authenticatedAs(identity.envelopeFrom())
        .from(identity.from())
        .fromName(identity.fromName())
        .replyTo(identity.replyTo())
        .reason(identity.reason())
        .reply(reply)
        .attempts(attempts)
        .sentAt(now())
        .build();
  }

  private void record(
      OutboxMessage email,
      SenderIdentity identity,
      Instant started,
      long startNanos,
      DeliveryOutcome outcome,
      SmtpReply reply) {
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    logAttempt(email, identity, outcome, reply, took);
    DeliveryAttempt attempt =
        DeliveryAttempt.builder()
            .at(started)
            .userId(email.salesperson().userId())
            .quoteNumber(email.quoteNumber())
            .messageId(email.messageId())
            .identity(identity.envelopeFrom())
            .reason(identity.reason())
            .recipients(email.recipients())
            .outcome(outcome)
            .replyClass(reply.replyClass())
            .replyCode(reply.code())
            .replyText(reply.describe())
            .duration(took)
            .build();
    try {
      config.deliveryLog().record(attempt);
    } catch (RuntimeException e) {
      // The mail is already out (or not); losing the log line must not hide that outcome.
      LOG.error(
          "quote={} could not record delivery attempt: {}", email.quoteNumber(), e.getMessage());
    }
  }

  private static void logAttempt(
      OutboxMessage email,
      SenderIdentity identity,
      DeliveryOutcome outcome,
      SmtpReply reply,
      Duration took) {
    LOG.info(
        "quote={} user={} identity={} reason={} outcome={} reply=\"{}\" messageId={} ms={}",
        email.quoteNumber(),
        email.salesperson().userId(),
        identity.envelopeFrom(),
        identity.reason(),
        outcome,
        reply.describe(),
        email.messageId(),
        took.toMillis());
  }

  /** Records the first success of settings not yet verified; verified ones are not written. */
  private void markVerified(String userId, SenderIdentity identity) {
    if (identity.ownAccountHealth().orElse(null) != SettingsHealth.Status.VERIFIED) {
      config.userSettings().updateHealth(userId, SettingsHealth.verified(now(), "sent"));
    }
  }

  private void markRejected(String userId, SmtpReply reply) {
    config.userSettings().updateHealth(userId, SettingsHealth.afterRefusal(now(), reply));
    LOG.warn(
        "user={} own SMTP account rejected ({}); settings marked rejected until verified again;"
            + " quotes go out from {}",
        userId,
        reply.describe(),
        config.companySender().address());
    listener.onCredentialsRejected(userId, reply);
  }

  Instant now() {
    return config.clock().instant();
  }
}
