package io.github.quotemailer.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.UserSettings;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.internal.oauth.AccessTokens;
import io.github.quotemailer.internal.pipeline.DeliveryPipeline;
import io.github.quotemailer.internal.pipeline.DirectDelivery;
import io.github.quotemailer.internal.pipeline.QueuedDelivery;
import io.github.quotemailer.internal.transport.AngusSmtpTransport;
import io.github.quotemailer.internal.transport.MailTransport;
import io.github.quotemailer.internal.worker.PollingWorker;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.Outbox;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.VerificationReport;
import io.github.quotemailer.smtp.VerificationResult;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link QuoteMailer}: wires the delivery pipeline, run directly by {@link #send} and
 * from the outbox by the worker, following the README's "Who sends: the fallback table".
 */
public final class DefaultQuoteMailer implements QuoteMailer {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultQuoteMailer.class);

  private final MailerConfig config;
  private final MailTransport transport;
  private final QuotePreparation preparation;
  private final DeliveryPipeline pipeline;
  private final DirectDelivery direct;
  private final QueuedDelivery queued;
  private final Verification verification;
  private final EncryptingUserSettings userSettings;

  private DefaultQuoteMailer(MailerConfig config) {
    this.config = config;
    DeliveryListener listener = new SafeListener(config.listener());
    this.transport =
        new AngusSmtpTransport(
            config.heloName(),
            config.maxIdleConnectionsPerIdentity(),
            config.idleConnectionTimeout(),
            new AccessTokens(
                config.tokenProvider().orElse(null),
                config.userSettings(),
                config.refreshTokens(),
                config.cipher(),
                config.clock()));
    transport.prepare(config.companySender().account().server());
    this.preparation = new QuotePreparation(config);
    this.pipeline = new DeliveryPipeline(config, transport, listener);
    this.direct = new DirectDelivery(pipeline);
    this.queued =
        new QueuedDelivery(pipeline, preparation::rendered, config.outbox(), new SecureRandom());
    this.verification = new Verification(config, transport);
    this.userSettings = new EncryptingUserSettings(config.userSettings(), config.cipher());
    warnAboutStoresInMemory(config);
  }

  /** Creates the mailer from a validated configuration. */
  public static DefaultQuoteMailer create(MailerConfig config) {
    return new DefaultQuoteMailer(config);
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

  @Override
  public DeliveryReceipt send(QuoteEmail email) {
    Arguments.present("email", email);
    return direct.send(preparation.prepareToSend(email));
  }

  @Override
  public EnqueueResult enqueue(QuoteEmail email) {
    Arguments.present("email", email);
    EnqueueResult result = config.outbox().enqueue(preparation.prepareToQueue(email));
    logEnqueued(email, result);
    return result;
  }

  @Override
  public EnqueueResult enqueue(QuoteEmail email, Connection transaction) {
    Arguments.present("email", email);
    Arguments.present("transaction", transaction);
    EnqueueResult result = config.outbox().enqueue(preparation.prepareToQueue(email), transaction);
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
    return PollingWorker.builder(config.outbox(), queued, config.clock());
  }

  @Override
  public Outbox outbox() {
    return new HostOutbox(config.outbox());
  }

  @Override
  public VerificationResult verify(UserSmtpSettings settings) {
    return verification.verifyStored(settings);
  }

  @Override
  public VerificationResult verify(UserSmtpSettings settings, Secret newPassword) {
    return verification.verify(settings, newPassword);
  }

  @Override
  public VerificationReport verifyAll() {
    return verifyAll(DEFAULT_VERIFY_CONCURRENCY);
  }

  @Override
  public VerificationReport verifyAll(int maxConcurrent) {
    return verification.verifyAll(maxConcurrent);
  }

  @Override
  public UserSettings userSettings() {
    return userSettings;
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
    transport.close();
  }
}
