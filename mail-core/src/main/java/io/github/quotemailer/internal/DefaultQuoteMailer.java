package io.github.quotemailer.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.DeliveryException;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.DefaultSenderIdentityResolver;
import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SenderIdentity;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSettings;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.internal.worker.ClaimedEntrySender;
import io.github.quotemailer.internal.worker.PollingWorker;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.Outbox;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.outbox.UnknownOutcome;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.VerificationReport;
import io.github.quotemailer.smtp.VerificationResult;
import io.github.quotemailer.template.EmailContent;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link QuoteMailer}: synchronous sending with the design's fallback table. */
public final class DefaultQuoteMailer implements QuoteMailer {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultQuoteMailer.class);

  private final MailerConfig config;
  private final DefaultSenderIdentityResolver resolver;
  private final SmtpClient smtp;
  private final DeliveryListener listener;
  private final EncryptingUserSettings userSettings;
  private final Random random = new Random();

  private DefaultQuoteMailer(MailerConfig config) {
    this.config = config;
    this.listener = new SafeListener(config.listener());
    this.resolver =
        DefaultSenderIdentityResolver.create(
            config.userSettings(),
            config.cipher(),
            config.companySender(),
            config.fallbackPolicy(),
            listener,
            config.clock());
    this.userSettings = new EncryptingUserSettings(config.userSettings(), config.cipher());
    this.smtp =
        new SmtpClient(
            config.heloName(),
            config.maxIdleConnectionsPerIdentity(),
            config.idleConnectionTimeout());
    warnAboutStoresInMemory(config);
  }

  private static void warnAboutStoresInMemory(MailerConfig config) {
    List<String> inMemory = new ArrayList<>();
    if (config.userSettings() instanceof InMemoryUserSmtpRepository) {
      inMemory.add("user settings");
    }
    if (config.deliveryLog() instanceof InMemoryDeliveryLog) {
      inMemory.add("delivery log");
    }
    if (config.outbox() instanceof InMemoryOutbox) {
      inMemory.add("outbox");
    }
    if (!inMemory.isEmpty()) {
      LOG.warn(
          "QuoteMailer keeps its {} in memory: lost on restart (queued quotes included); for a"
              + " database pass QuoteMailer.builder().stores(JdbcStores.create(dataSource))",
          String.join(", ", inMemory));
    }
  }

  /** Creates the mailer from a validated configuration. */
  public static DefaultQuoteMailer create(MailerConfig config) {
    return new DefaultQuoteMailer(config);
  }

  @Override
  public DeliveryReceipt send(QuoteEmail email) {
    Arguments.present("email", email);
    Quote quote = email.quote();
    Outgoing outgoing = Outgoing.of(prepare(email));
    SenderIdentity identity = resolver.resolveFor(outgoing.salesperson());
    int attempts = 0;
    if (identity.ownAccount()) {
      FallbackPolicy policy = config.fallbackPolicy();
      for (int tries = 1; ; tries++) {
        attempts++;
        try {
          DeliveryReceipt receipt = deliver(outgoing, identity, attempts);
          markVerified(outgoing.userId());
          return receipt;
        } catch (SmtpFailure failure) {
          if (failure.outcomeUnknown()) {
            throw outcomeUnknown(outgoing, failure);
          }
          SmtpReply reply = failure.reply();
          FallbackAction action = policy.onFailure(reply.replyClass());
          if (action == FallbackAction.RETRY_THEN_FALL_BACK
              && tries < policy.ownAccountAttempts()) {
            pause(policy.retryDelay());
            continue;
          }
          identity = afterOwnFailure(outgoing, reply, action, failure);
          break;
        }
      }
    }
    if (!identity.ownAccount()) {
      listener.onFallback(outgoing.userId(), outgoing.quoteNumber(), identity.reason());
    }
    return sendFromCompany(outgoing, identity, attempts);
  }

  /** Renders and validates an email into what the outbox stores. */
  private OutboxMessage prepare(QuoteEmail email) {
    Quote quote = email.quote();
    EmailContent content = config.templates().render(quote);
    byte[] pdf = render(quote);
    if (pdf.length > config.maxMessageBytes()) {
      throw new InvalidInputException(
          "quote",
          "the PDF is " + pdf.length + " bytes, over the limit of " + config.maxMessageBytes());
    }
    return new OutboxMessage(
        email.effectiveIdempotencyKey(),
        MessageFactory.newMessageId(config.companySender().address()),
        quote.salesperson(),
        quote.number(),
        email.to(),
        email.cc(),
        content,
        pdf,
        quote.fileName(),
        now());
  }

  @Override
  public EnqueueResult enqueue(QuoteEmail email) {
    Arguments.present("email", email);
    EnqueueResult result = config.outbox().enqueue(prepare(email));
    logEnqueued(email, result);
    return result;
  }

  @Override
  public EnqueueResult enqueue(QuoteEmail email, Connection transaction) {
    Arguments.present("email", email);
    Arguments.present("transaction", transaction);
    EnqueueResult result = config.outbox().enqueue(prepare(email), transaction);
    logEnqueued(email, result);
    return result;
  }

  private static void logEnqueued(QuoteEmail email, EnqueueResult result) {
    LOG.info(
        "quote={} user={} outbox entry={} messageId={} {}",
        email.quote().number(),
        email.quote().salesperson().userId(),
        result.id(),
        result.messageId(),
        result.created() ? "enqueued" : "duplicate (already enqueued)");
  }

  @Override
  public DeliveryWorker.Builder worker() {
    return PollingWorker.builder(config.outbox(), this::deliverQueued, config.clock());
  }

  @Override
  public Outbox outbox() {
    return new HostOutbox(config.outbox());
  }

  /** Sends one claimed outbox entry and records the outcome there; never throws SMTP errors. */
  private void deliverQueued(OutboxEntry entry, ClaimedEntrySender.Lease lease) {
    String owner = lease.owner();
    RetrySettings retry = lease.retry();
    boolean parkUnknownOutcome = lease.unknownOutcome() == UnknownOutcome.PARK;
    OutboxStore outbox = config.outbox();
    Outgoing outgoing = Outgoing.of(entry.message());
    if (entry.sendStarted()) {
      if (parkUnknownOutcome) {
        outbox.markOutcomeUnknown(entry.id(), owner, "a worker died during the SMTP transaction");
        LOG.warn(
            "quote={} entry={} outcome unknown after a crash: parked",
            outgoing.quoteNumber(),
            entry.id());
        return;
      }
      LOG.warn(
          "quote={} entry={} messageId={} resent after a crash during the SMTP transaction:"
              + " possible duplicate",
          outgoing.quoteNumber(),
          entry.id(),
          outgoing.messageId());
    }
    SenderIdentity identity =
        entry
            .fallbackReason()
            .map(reason -> resolver.companyIdentityFor(outgoing.salesperson(), reason))
            .orElseGet(() -> resolver.resolveFor(outgoing.salesperson()));
    // Recorded right before DATA: a crash earlier than that is known to have sent nothing.
    Runnable beforeData = () -> outbox.markSendStarted(entry.id(), owner);
    try {
      deliver(outgoing, identity, entry.attempts(), beforeData);
      outbox.markSent(entry.id(), owner, now());
      if (identity.ownAccount()) {
        markVerified(outgoing.userId());
      } else {
        listener.onFallback(outgoing.userId(), outgoing.quoteNumber(), identity.reason());
      }
      return;
    } catch (SmtpFailure failure) {
      if (failure.outcomeUnknown()) {
        afterUnknownOutcome(entry, owner, retry, parkUnknownOutcome, failure, identity.reason());
        return;
      }
      if (!identity.ownAccount()) {
        companyFailed(entry, owner, retry, failure.reply(), identity.reason());
        return;
      }
      SmtpReply reply = failure.reply();
      FallbackAction action = config.fallbackPolicy().onFailure(reply.replyClass());
      switch (action) {
        case FAIL -> {
          deadLetter(entry, owner, reply.describe());
          return;
        }
        case DEFER -> {
          outbox.scheduleRetry(
              entry.id(),
              owner,
              now().plus(retry.quotaDeferral()),
              reply.describe(),
              Optional.empty());
          return;
        }
        case RETRY_THEN_FALL_BACK -> {
          if (entry.attempts() < config.fallbackPolicy().ownAccountAttempts()) {
            outbox.scheduleRetry(
                entry.id(),
                owner,
                nextAttempt(retry, entry.attempts()),
                reply.describe(),
                Optional.empty());
            return;
          }
        }
        case FALL_BACK_AND_MARK_REJECTED -> markRejected(outgoing.userId(), reply);
        default -> {
          // FALL_BACK: straight to the company account.
        }
      }
      ResolutionReason reason = FallbackPolicy.reasonFor(reply.replyClass());
      SenderIdentity company = resolver.companyIdentityFor(outgoing.salesperson(), reason);
      listener.onFallback(outgoing.userId(), outgoing.quoteNumber(), reason);
      try {
        deliver(outgoing, company, entry.attempts(), beforeData);
        outbox.markSent(entry.id(), owner, now());
      } catch (SmtpFailure companyFailure) {
        if (companyFailure.outcomeUnknown()) {
          afterUnknownOutcome(entry, owner, retry, parkUnknownOutcome, companyFailure, reason);
        } else {
          companyFailed(entry, owner, retry, companyFailure.reply(), reason);
        }
      }
    } catch (InvalidInputException e) {
      deadLetter(entry, owner, e.getMessage());
    }
  }

  /**
   * The connection failed after DATA without a reply: the server may have the message. Park it for
   * a person, or resend later knowing it may be a duplicate (same Message-ID).
   */
  private void afterUnknownOutcome(
      OutboxEntry entry,
      String owner,
      RetrySettings retry,
      boolean park,
      SmtpFailure failure,
      ResolutionReason reason) {
    OutboxMessage m = entry.message();
    String note = "outcome unknown after DATA: " + failure.reply().describe();
    if (park) {
      config.outbox().markOutcomeUnknown(entry.id(), owner, note);
      LOG.warn("quote={} entry={} {}: parked", m.quoteNumber(), entry.id(), note);
      return;
    }
    LOG.warn(
        "quote={} entry={} messageId={} {}: will be resent, possible duplicate",
        m.quoteNumber(),
        entry.id(),
        m.messageId(),
        note);
    Optional<ResolutionReason> remembered =
        reason == ResolutionReason.OWN_ACCOUNT
                || reason == ResolutionReason.NOT_CONFIGURED
                || reason == ResolutionReason.NOT_VERIFIED
            ? Optional.empty()
            : Optional.of(reason);
    config
        .outbox()
        .scheduleRetry(entry.id(), owner, nextAttempt(retry, entry.attempts()), note, remembered);
  }

  private DeliveryException outcomeUnknown(Outgoing outgoing, SmtpFailure failure) {
    listener.onFailed(outgoing.userId(), outgoing.quoteNumber(), failure.reply());
    return new DeliveryException(
        "quote "
            + outgoing.quoteNumber()
            + " may have been delivered: the connection failed after DATA without a reply ("
            + failure.reply().describe()
            + "); it was not resent, to avoid a duplicate. Check the delivery log for "
            + outgoing.messageId(),
        failure.reply(),
        failure);
  }

  private void companyFailed(
      OutboxEntry entry,
      String owner,
      RetrySettings retry,
      SmtpReply reply,
      ResolutionReason reason) {
    // Only the message or its recipients can be wrong for good; a failing company login or
    // certificate is an operator's problem and the quote waits (retried) until it is fixed.
    boolean hopeless =
        reply.replyClass() == SmtpReplyClass.RECIPIENT_REJECTED
            || reply.replyClass() == SmtpReplyClass.MESSAGE_REJECTED;
    if (hopeless || entry.attempts() >= retry.maxAttempts()) {
      deadLetter(entry, owner, reply.describe());
      return;
    }
    if (reply.replyClass().isPermanent()) {
      LOG.error(
          "company account {} failing ({}); quote={} stays queued until it is fixed",
          config.companySender().address(),
          reply.describe(),
          entry.message().quoteNumber());
    }
    Optional<ResolutionReason> remembered =
        reason == ResolutionReason.NOT_CONFIGURED || reason == ResolutionReason.NOT_VERIFIED
            ? Optional.empty()
            : Optional.of(reason);
    config
        .outbox()
        .scheduleRetry(
            entry.id(), owner, nextAttempt(retry, entry.attempts()), reply.describe(), remembered);
  }

  private void deadLetter(OutboxEntry entry, String owner, String error) {
    config.outbox().deadLetter(entry.id(), owner, error);
    OutboxMessage m = entry.message();
    LOG.warn("quote={} entry={} dead-lettered: {}", m.quoteNumber(), entry.id(), error);
    listener.onDeadLettered(m.salesperson().userId(), m.quoteNumber(), m.messageId(), error);
  }

  private Instant nextAttempt(RetrySettings retry, int attempts) {
    Duration wait = retry.backoff(attempts);
    double spread = retry.jitter() * (2 * random.nextDouble() - 1);
    long millis = Math.max(0, Math.round(wait.toMillis() * (1 + spread)));
    return now().plusMillis(millis);
  }

  private void markRejected(String userId, SmtpReply reply) {
    config.userSettings().updateHealth(userId, SettingsHealth.rejected(now(), reply.describe()));
    LOG.warn(
        "user={} own SMTP account rejected ({}); settings marked rejected until verified again;"
            + " quotes go out from {}",
        userId,
        reply.describe(),
        config.companySender().address());
    listener.onCredentialsRejected(userId, reply);
  }

  private SenderIdentity afterOwnFailure(
      Outgoing outgoing, SmtpReply reply, FallbackAction action, SmtpFailure failure) {
    String userId = outgoing.userId();
    switch (action) {
      case FAIL -> throw failed(outgoing, reply, failure, "");
      case DEFER ->
          throw failed(
              outgoing,
              reply,
              failure,
              "; the policy defers it: try again when the window reopens");
      case FALL_BACK_AND_MARK_REJECTED -> markRejected(userId, reply);
      default -> {
        // FALL_BACK and exhausted RETRY_THEN_FALL_BACK: the company account sends.
      }
    }
    return resolver.companyIdentityFor(
        outgoing.salesperson(), FallbackPolicy.reasonFor(reply.replyClass()));
  }

  private DeliveryReceipt sendFromCompany(
      Outgoing outgoing, SenderIdentity identity, int attempts) {
    FallbackPolicy policy = config.fallbackPolicy();
    for (int tries = 1; ; tries++) {
      attempts++;
      try {
        return deliver(outgoing, identity, attempts);
      } catch (SmtpFailure failure) {
        if (failure.outcomeUnknown()) {
          throw outcomeUnknown(outgoing, failure);
        }
        SmtpReply reply = failure.reply();
        if (reply.replyClass().isPermanent() || tries >= policy.ownAccountAttempts()) {
          throw failed(outgoing, reply, failure, "");
        }
        pause(policy.retryDelay());
      }
    }
  }

  private DeliveryReceipt deliver(Outgoing outgoing, SenderIdentity identity, int attempts)
      throws SmtpFailure {
    return deliver(outgoing, identity, attempts, () -> {});
  }

  private DeliveryReceipt deliver(
      Outgoing outgoing, SenderIdentity identity, int attempts, Runnable beforeData)
      throws SmtpFailure {
    Instant started = now();
    long startNanos = System.nanoTime();
    MimeMessage message =
        MessageFactory.build(
            identity,
            outgoing.to(),
            outgoing.cc(),
            outgoing.content(),
            outgoing.pdf(),
            outgoing.pdfFileName(),
            outgoing.messageId(),
            started);
    long size = SmtpClient.sizeOf(message);
    if (size > config.maxMessageBytes()) {
      throw new InvalidInputException(
          "quote",
          "the email would be "
              + size
              + " bytes, over the limit of "
              + config.maxMessageBytes()
              + "; shrink the logo or split the quote");
    }
    try {
      SmtpReply reply =
          smtp.send(
              identity.account(),
              identity.envelopeFrom(),
              message,
              outgoing.recipients(),
              size,
              beforeData);
      record(outgoing, identity, started, startNanos, DeliveryOutcome.SENT, reply);
      DeliveryReceipt receipt =
          new DeliveryReceipt(
              outgoing.messageId(),
              identity.envelopeFrom(),
              identity.from(),
              identity.fromName(),
              identity.replyTo(),
              identity.reason(),
              reply,
              attempts,
              now());
      listener.onDelivered(outgoing.userId(), receipt);
      return receipt;
    } catch (SmtpFailure failure) {
      DeliveryOutcome outcome =
          failure.reply().replyClass().isPermanent()
              ? DeliveryOutcome.FAILED_PERMANENT
              : DeliveryOutcome.FAILED_TRANSIENT;
      record(outgoing, identity, started, startNanos, outcome, failure.reply());
      throw failure;
    }
  }

  private void record(
      Outgoing outgoing,
      SenderIdentity identity,
      Instant started,
      long startNanos,
      DeliveryOutcome outcome,
      SmtpReply reply) {
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    LOG.info(
        "quote={} user={} identity={} reason={} outcome={} reply=\"{}\" messageId={} ms={}",
        outgoing.quoteNumber(),
        outgoing.userId(),
        identity.envelopeFrom(),
        identity.reason(),
        outcome,
        reply.describe(),
        outgoing.messageId(),
        took.toMillis());
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            started,
            outgoing.userId(),
            outgoing.quoteNumber(),
            outgoing.messageId(),
            identity.envelopeFrom(),
            identity.reason(),
            outgoing.recipients(),
            outcome,
            reply.replyClass(),
            reply.code(),
            reply.describe(),
            took);
    try {
      config.deliveryLog().record(attempt);
    } catch (RuntimeException e) {
      // The mail is already out (or not); losing the log line must not hide that outcome.
      LOG.error(
          "quote={} could not record delivery attempt: {}", outgoing.quoteNumber(), e.getMessage());
    }
  }

  private DeliveryException failed(
      Outgoing outgoing, SmtpReply reply, Throwable cause, String advice) {
    listener.onFailed(outgoing.userId(), outgoing.quoteNumber(), reply);
    String what =
        reply.replyClass() == SmtpReplyClass.RECIPIENT_REJECTED
            ? "a recipient was rejected; fix the address, another sender would not help"
            : "delivery failed (" + reply.replyClass() + ")";
    return new DeliveryException(
        "quote " + outgoing.quoteNumber() + " not sent: " + what + ": " + reply.describe() + advice,
        reply,
        cause);
  }

  private byte[] render(Quote quote) {
    try {
      byte[] pdf = config.renderer().render(quote);
      if (pdf == null || pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P') {
        throw new QuoteMailerException("the renderer did not return a PDF for " + quote.number());
      }
      return pdf;
    } catch (QuoteMailerException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new QuoteMailerException(
          "rendering quote " + quote.number() + " failed: " + e.getMessage(), e);
    }
  }

  private void markVerified(String userId) {
    UserSmtpRepository repository = config.userSettings();
    repository
        .find(userId)
        .filter(s -> s.health().status() != SettingsHealth.Status.VERIFIED)
        .ifPresent(s -> repository.updateHealth(userId, SettingsHealth.verified(now(), "sent")));
  }

  @Override
  public VerificationResult verify(UserSmtpSettings settings) {
    Arguments.present("settings", settings);
    // The stored password only ever goes to the server and login it was stored for: a caller
    // who changed them must type the password again, or it could be sent to any host.
    Optional<UserSmtpSettings> stored = config.userSettings().find(settings.userId());
    if (stored.isPresent() && !sameDestination(stored.get(), settings)) {
      throw new InvalidInputException(
          "password",
          "the server, login or address of "
              + settings.userId()
              + " changed since the password was stored; enter the password again to test them");
    }
    UserSmtpSettings source = stored.orElse(settings);
    return verify(settings, config.cipher().decrypt(source.password(), source.userId()));
  }

  private static boolean sameDestination(UserSmtpSettings a, UserSmtpSettings b) {
    return a.server().equals(b.server())
        && a.username().equals(b.username())
        && a.address().equals(b.address());
  }

  @Override
  public VerificationResult verify(UserSmtpSettings settings, Secret newPassword) {
    Arguments.present("settings", settings);
    Arguments.present("password", newPassword);
    SmtpAccount account =
        new SmtpAccount(
            settings.server().orElse(config.companySender().account().server()),
            settings.username(),
            newPassword);
    SmtpReply reply =
        smtp.verify(account, settings.address(), settings.address(), config.verifyDeadline());
    VerificationResult result = new VerificationResult(reply, now());
    recordVerification(settings, newPassword, result);
    LOG.info(
        "user={} verification identity={} outcome={} reply=\"{}\"",
        settings.userId(),
        settings.address(),
        reply.replyClass(),
        reply.describe());
    return result;
  }

  private void recordVerification(
      UserSmtpSettings settings, Secret password, VerificationResult result) {
    Optional<UserSmtpSettings> stored = config.userSettings().find(settings.userId());
    if (stored.isEmpty()) {
      return;
    }
    boolean samePassword;
    try {
      samePassword =
          config.cipher().decrypt(stored.get().password(), settings.userId()).equals(password);
    } catch (QuoteMailerException e) {
      samePassword = false;
    }
    if (!samePassword) {
      return;
    }
    SmtpReply reply = result.reply();
    if (result.succeeded()) {
      config
          .userSettings()
          .updateHealth(
              settings.userId(), SettingsHealth.verified(result.checkedAt(), reply.describe()));
    } else if (reply.replyClass().rejectsCredentials()) {
      config
          .userSettings()
          .updateHealth(
              settings.userId(), SettingsHealth.rejected(result.checkedAt(), reply.describe()));
    }
  }

  @Override
  public UserSettings userSettings() {
    return userSettings;
  }

  @Override
  public VerificationReport verifyAll() {
    return verifyAll(DEFAULT_VERIFY_CONCURRENCY);
  }

  @Override
  public VerificationReport verifyAll(int maxConcurrent) {
    if (maxConcurrent < 1 || maxConcurrent > 32) {
      throw new InvalidInputException("maxConcurrent", maxConcurrent + " is outside 1-32");
    }
    List<UserSmtpSettings> all = config.userSettings().list();
    List<UserSmtpSettings> enabled = all.stream().filter(UserSmtpSettings::enabled).toList();
    Map<String, VerificationResult> results = new ConcurrentHashMap<>();
    Map<String, String> problems = new ConcurrentHashMap<>();
    if (!enabled.isEmpty()) {
      ExecutorService logins =
          Executors.newFixedThreadPool(
              Math.min(maxConcurrent, enabled.size()),
              r -> {
                Thread t = new Thread(r, "quotemailer-verify");
                t.setDaemon(true);
                return t;
              });
      try {
        List<Future<?>> pending = new ArrayList<>();
        for (UserSmtpSettings settings : enabled) {
          pending.add(logins.submit(() -> verifyOne(settings, results, problems)));
        }
        for (Future<?> f : pending) {
          awaitQuietly(f);
        }
      } finally {
        logins.shutdownNow();
      }
    }
    VerificationReport report =
        new VerificationReport(results, problems, all.size() - enabled.size());
    LOG.info("verification of all users: {}", report.summary());
    return report;
  }

  private void verifyOne(
      UserSmtpSettings settings,
      Map<String, VerificationResult> results,
      Map<String, String> problems) {
    try {
      // settings come from the store: no need to read them again to check the destination.
      Secret stored = config.cipher().decrypt(settings.password(), settings.userId());
      results.put(settings.userId(), verify(settings, stored));
    } catch (QuoteMailerException e) {
      // One user's unreadable secret must not stop the others' checks.
      problems.put(settings.userId(), e.getMessage());
    }
  }

  private static void awaitQuietly(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuoteMailerException("interrupted while verifying users' settings", e);
    } catch (ExecutionException e) {
      // verifyOne records every QuoteMailerException; anything else is a bug worth logging.
      LOG.error("verification failed unexpectedly: {}", e.getCause().toString(), e.getCause());
    }
  }

  @Override
  public SecretCipher cipher() {
    return config.cipher();
  }

  @Override
  public DeliveryLog deliveryLog() {
    return config.deliveryLog();
  }

  @Override
  public void close() {
    smtp.close();
  }

  private Instant now() {
    return config.clock().instant();
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

  /** One email ready to send, from a direct send or from the outbox. */
  private record Outgoing(
      Salesperson salesperson,
      String quoteNumber,
      List<EmailAddress> to,
      List<EmailAddress> cc,
      EmailContent content,
      byte[] pdf,
      String pdfFileName,
      String messageId) {

    static Outgoing of(OutboxMessage m) {
      return new Outgoing(
          m.salesperson(),
          m.quoteNumber(),
          m.to(),
          m.cc(),
          m.content(),
          m.pdf(),
          m.pdfFileName(),
          m.messageId());
    }

    List<EmailAddress> recipients() {
      List<EmailAddress> all = new ArrayList<>(to);
      all.addAll(cc);
      return all;
    }

    String userId() {
      return salesperson.userId();
    }
  }
}
