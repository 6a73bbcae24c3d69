package io.github.quotemailer;

import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.UserSettings;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.internal.DefaultQuoteMailer;
import io.github.quotemailer.internal.MailerConfig;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.Outbox;
import io.github.quotemailer.outbox.QueuedRendering;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.VerificationReport;
import io.github.quotemailer.smtp.VerificationResult;
import io.github.quotemailer.template.EmailTemplates;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The one thing a host calls: renders the quote, resolves who sends it (the salesperson's own
 * mailbox, or the company's on their behalf), sends it, and records what happened. Build one with
 * {@link #builder()}, share it, and close it at shutdown; the README's "Embed it in your CRM" shows
 * the wiring as compiled code.
 */
public interface QuoteMailer extends AutoCloseable {
  /**
   * Four logins at a time in {@link #verifyAll()}: a few dozen users are checked in seconds, while
   * a shared server (often every user's is the company's) sees few parallel connections from us.
   */
  int DEFAULT_VERIFY_CONCURRENCY = 4;

  /**
   * Sends now and returns once the server accepted the message.
   *
   * @throws InvalidInputException for bad input, before any connection is made
   * @throws DeliveryException when no identity could deliver it
   */
  DeliveryReceipt send(QuoteEmail email);

  /**
   * Checks {@code settings} with a real login and an envelope probe (nothing is sent), and records
   * the result on the stored settings of that user.
   */
  VerificationResult verify(UserSmtpSettings settings);

  /** Like {@link #verify(UserSmtpSettings)}, with a new password instead of the stored one. */
  VerificationResult verify(UserSmtpSettings settings, Secret newPassword);

  /**
   * Verifies the stored settings of every enabled user, {@link #DEFAULT_VERIFY_CONCURRENCY} at a
   * time, recording each result as {@link #verify(UserSmtpSettings)} does (for example after a
   * legacy import, whose users start unverified).
   */
  VerificationReport verifyAll();

  /**
   * Like {@link #verifyAll()}, with at most {@code maxConcurrent} (1-32) logins at a time.
   *
   * @throws InvalidInputException when {@code maxConcurrent} is outside 1-32
   */
  VerificationReport verifyAll(int maxConcurrent);

  /**
   * Validates the email, stores it in the outbox and returns at once; a {@link
   * io.github.quotemailer.outbox.DeliveryWorker} renders and sends it. The quote is stored, not its
   * PDF, unless the builder's {@link Builder#queuedRendering} says otherwise. Enqueueing an
   * existing idempotency key returns the existing entry and stores nothing new.
   *
   * @throws InvalidInputException for bad input, with nothing stored
   */
  EnqueueResult enqueue(QuoteEmail email);

  /**
   * Like {@link #enqueue(QuoteEmail)}, inside the host's open transaction on {@code transaction}:
   * if the host rolls back (the deal transition failed), nothing is sent. Needs the JDBC outbox.
   */
  EnqueueResult enqueue(QuoteEmail email, Connection transaction);

  /** A builder for a worker draining this mailer's outbox. */
  DeliveryWorker.Builder worker();

  /**
   * The outbox in use, as a host sees it: enqueue, status, find, retry-dead and purge (the worker's
   * lease protocol is not reachable from here).
   */
  Outbox outbox();

  /**
   * The settings store in use, for admin screens: {@link UserSettings#save(UserSmtpSettings.Draft,
   * Secret)} encrypts the password itself.
   */
  UserSettings userSettings();

  /**
   * The cipher that encrypts passwords for {@link #userSettings()}; rarely needed, since {@link
   * UserSettings#save(UserSmtpSettings.Draft, Secret)} encrypts for you.
   */
  SecretCipher cipher();

  /** The delivery log in use. */
  DeliveryLog deliveryLog();

  /** Releases the threads used for SMTP timeouts. */
  @Override
  void close();

  /** Starts a builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link QuoteMailer}; required: company sender, key ring (or cipher), renderer. */
  final class Builder {
    /** 20 MB: above what most providers accept per message (25 MB with encoding overhead). */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 20L * 1024 * 1024;

    /** Two idle connections per sender identity: one per default worker thread. */
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS_PER_IDENTITY = 2;

    /** 30 s: servers commonly drop idle clients after a minute or more; close ours first. */
    public static final Duration DEFAULT_IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    /** 30 s for a whole "test connection", so an admin screen never waits longer. */
    public static final Duration DEFAULT_VERIFY_DEADLINE = Duration.ofSeconds(30);

    /**
     * Presets on: going over a provider's published limit (Microsoft 365, Google Workspace,
     * GoDaddy; see {@link SendingLimit#presetFor}) fails sends, so a mailer knows them unless told
     * otherwise.
     */
    public static final boolean DEFAULT_SENDING_LIMIT_PRESETS = true;

    /**
     * Queued quotes are rendered when sent: a deal move then waits only for the insert of a few KB,
     * not for the PDF, and every attempt renders the same bytes from the stored quote.
     */
    public static final QueuedRendering DEFAULT_QUEUED_RENDERING = QueuedRendering.WHEN_SENT;

    // Every setting and its default lives in one place, MailerConfig.Builder.
    private final MailerConfig.Builder config = MailerConfig.builder();

    private Builder() {}

    /** The company mailbox used when a salesperson's own account cannot send. */
    public Builder companySender(CompanySender companySender) {
      config.companySender(companySender);
      return this;
    }

    /** The keys that encrypt stored passwords. */
    public Builder keyRing(KeyRing keyRing) {
      config.cipher(SecretCipher.create(keyRing));
      return this;
    }

    /** The cipher that encrypts stored passwords (alternative to {@link #keyRing}). */
    public Builder cipher(SecretCipher cipher) {
      config.cipher(cipher);
      return this;
    }

    /**
     * Turns a quote into PDF bytes. A queued quote is rendered by the worker with {@link
     * QuoteDocumentRenderer#render(io.github.quotemailer.quote.Quote, java.time.Instant)} and its
     * enqueue time; a renderer that overrides it attaches the same bytes on every attempt.
     */
    public Builder renderer(QuoteDocumentRenderer renderer) {
      config.renderer(renderer);
      return this;
    }

    /**
     * When {@link QuoteMailer#enqueue} has the PDF rendered (default {@link
     * #DEFAULT_QUEUED_RENDERING}): {@link QueuedRendering#WHEN_SENT} stores the quote and lets the
     * worker render it; {@link QueuedRendering#WHEN_ENQUEUED} renders on the caller's thread and
     * stores the PDF, as earlier versions did.
     *
     * @throws ConfigurationException when {@code rendering} is null
     */
    public Builder queuedRendering(QueuedRendering rendering) {
      config.queuedRendering(part("queuedRendering", rendering));
      return this;
    }

    /**
     * Settings, delivery log, outbox, sending ledger and refresh tokens from one place (e.g. {@code
     * JdbcStores} on the host's database): the one call that wires them all, so none is silently
     * left in memory.
     */
    public Builder stores(QuoteMailerStores stores) {
      if (stores == null) {
        throw new ConfigurationException("stores", "is required");
      }
      config.userSettings(part("stores.userSettings()", stores.userSettings()));
      config.deliveryLog(part("stores.deliveryLog()", stores.deliveryLog()));
      config.outbox(part("stores.outbox()", stores.outbox()));
      config.sendingLedger(part("stores.sendingLedger()", stores.sendingLedger()));
      config.refreshTokens(part("stores.refreshTokens()", stores.refreshTokens()));
      return this;
    }

    /**
     * Where the company account's rotated OAuth2 refresh tokens are kept (default: in memory, or
     * the {@link QuoteMailerStores#refreshTokens()} of {@link #stores}).
     */
    public Builder refreshTokens(io.github.quotemailer.oauth2.RefreshTokenStore refreshTokens) {
      config.refreshTokens(io.github.quotemailer.Arguments.present("refreshTokens", refreshTokens));
      return this;
    }

    private static <T> T part(String name, T value) {
      if (value == null) {
        throw new ConfigurationException(name, "is required");
      }
      return value;
    }

    /** Where per-user settings live (default: in memory; see {@link #stores}). */
    public Builder userSettings(UserSmtpRepository userSettings) {
      config.userSettings(userSettings);
      return this;
    }

    /** Where attempts are recorded (default: in memory; see {@link #stores}). */
    public Builder deliveryLog(DeliveryLog deliveryLog) {
      config.deliveryLog(deliveryLog);
      return this;
    }

    /**
     * The queue for {@link QuoteMailer#enqueue} (default: in memory, lost on restart; see {@link
     * #stores}).
     */
    public Builder outbox(OutboxStore outbox) {
      config.outbox(outbox);
      return this;
    }

    /**
     * Where sends are counted against sending limits and provider pauses are kept (default: an
     * {@link io.github.quotemailer.delivery.InMemorySendingLedger} over the delivery log, exact
     * within this JVM; {@link #stores} wires the stores' own, which {@code JdbcStores} makes exact
     * across every node on its database).
     *
     * @throws ConfigurationException when {@code sendingLedger} is null
     */
    public Builder sendingLedger(SendingLedger sendingLedger) {
      config.sendingLedger(part("sendingLedger", sendingLedger));
      return this;
    }

    /**
     * The default sending limit of every account on {@code smtpHost} (compared without case), own
     * accounts and the company's alike; it replaces the provider's preset for that host. An own
     * account's settings may set a limit of their own ({@code
     * UserSmtpSettings.Draft.sendingLimit}), which wins. Default: none, so the preset applies. See
     * the README's "Sending limits".
     *
     * @throws ConfigurationException when {@code smtpHost} is blank, longer than 253 characters or
     *     holds a space, or {@code limit} is null
     */
    public Builder sendingLimit(String smtpHost, SendingLimit limit) {
      if (smtpHost == null
          || smtpHost.isBlank()
          || smtpHost.length() > 253
          || smtpHost.chars().anyMatch(Character::isWhitespace)) {
        throw new ConfigurationException(
            "sendingLimit", "SMTP host '" + smtpHost + "' is not a host name");
      }
      if (limit == null) {
        throw new ConfigurationException("sendingLimit", "the limit of " + smtpHost + " is null");
      }
      config.sendingLimit(smtpHost.toLowerCase(Locale.ROOT), limit);
      return this;
    }

    /**
     * The company account's sending limit. Default: the {@link #sendingLimit(String, SendingLimit)}
     * of its SMTP host, else that host's preset, else none.
     *
     * @throws ConfigurationException when {@code limit} is null
     */
    public Builder companySendingLimit(SendingLimit limit) {
      if (limit == null) {
        throw new ConfigurationException("companySendingLimit", "is null");
      }
      config.companySendingLimit(limit);
      return this;
    }

    /**
     * Whether the providers' published limits ({@link SendingLimit#presetFor}: smtp.office365.com
     * 30/1m, smtp.gmail.com 2000/24h, smtpout.secureserver.net 250/24h) apply to accounts on those
     * hosts that have no limit of their own or of their host. Default {@value
     * #DEFAULT_SENDING_LIMIT_PRESETS}; {@code false} switches them off, e.g. for a tenant with a
     * raised limit and no {@link #sendingLimit(String, SendingLimit)} for it.
     */
    public Builder sendingLimitPresets(boolean on) {
      config.sendingLimitPresets(on);
      return this;
    }

    /** Subject and body templates (default: bundled es-MX and en). */
    public Builder templates(EmailTemplates templates) {
      config.templates(templates);
      return this;
    }

    /** When to fall back to the company account (default: the README's "Who sends" table). */
    public Builder fallbackPolicy(FallbackPolicy fallbackPolicy) {
      config.fallbackPolicy(fallbackPolicy);
      return this;
    }

    /** Callbacks for deliveries, fallbacks and rejected credentials. */
    public Builder listener(DeliveryListener listener) {
      config.listener(listener);
      return this;
    }

    /** The clock for timestamps (tests pass a fixed one). */
    public Builder clock(Clock clock) {
      config.clock(clock);
      return this;
    }

    /** Largest message accepted, PDF included (default {@value #DEFAULT_MAX_MESSAGE_BYTES}). */
    public Builder maxMessageBytes(long maxMessageBytes) {
      config.maxMessageBytes(maxMessageBytes);
      return this;
    }

    /** Overall limit of a credential check (default 30 s). */
    public Builder verifyDeadline(Duration verifyDeadline) {
      config.verifyDeadline(verifyDeadline);
      return this;
    }

    /**
     * The name announced in EHLO: a host name or an address literal such as {@code [192.0.2.1]}.
     * Default: this machine's fully qualified host name ({@code
     * InetAddress.getLocalHost().getCanonicalHostName()}, when it is a valid host name with a dot,
     * not an IP address and not {@code localhost.*}); else the address literal of {@code
     * InetAddress.getLocalHost()} ({@code [192.0.2.1]}, {@code [IPv6:2001:db8:0:0:0:0:0:1]}) unless
     * it is a loopback, link-local, wildcard or multicast address; else {@code localhost}, which
     * submission servers often refuse (Postfix's {@code reject_non_fqdn_helo_hostname}). Looked up
     * once, at the first connection.
     */
    public Builder heloName(String heloName) {
      config.heloName(heloName);
      return this;
    }

    /**
     * How OAuth2 refresh tokens become access tokens (default: the {@link
     * io.github.quotemailer.oauth2.TokenProvider} that {@link java.util.ServiceLoader} finds on the
     * class path, which is {@code oauth2-http}'s when that module is a dependency). Needed only
     * when an account logs in with an {@link io.github.quotemailer.smtp.OAuth2Grant}.
     */
    public Builder tokenProvider(io.github.quotemailer.oauth2.TokenProvider tokenProvider) {
      config.tokenProvider(io.github.quotemailer.Arguments.present("tokenProvider", tokenProvider));
      return this;
    }

    /**
     * SMTP connections kept open for reuse per sender identity (0 disables reuse), and how long an
     * idle one is kept.
     */
    public Builder connectionReuse(int maxIdlePerIdentity, Duration idleTimeout) {
      config.maxIdleConnectionsPerIdentity(maxIdlePerIdentity);
      config.idleConnectionTimeout(idleTimeout);
      return this;
    }

    /**
     * Validates the configuration and builds the mailer. Logs one warning naming the stores that
     * are in memory (their contents are lost on restart).
     */
    public QuoteMailer build() {
      return DefaultQuoteMailer.create(config.build());
    }
  }
}
