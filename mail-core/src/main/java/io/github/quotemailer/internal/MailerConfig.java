package io.github.quotemailer.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.delivery.InMemorySendingLedger;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.internal.transport.HeloName;
import io.github.quotemailer.oauth2.InMemoryRefreshTokenStore;
import io.github.quotemailer.oauth2.RefreshTokenStore;
import io.github.quotemailer.oauth2.TokenProvider;
import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.QueuedRendering;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.template.EmailTemplates;
import io.github.quotemailer.template.MessageFormatEmailTemplates;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** What {@link io.github.quotemailer.QuoteMailer.Builder} collected, validated on creation. */
public record MailerConfig(
    CompanySender companySender,
    SecretCipher cipher,
    QuoteDocumentRenderer renderer,
    UserSmtpRepository userSettings,
    DeliveryLog deliveryLog,
    OutboxStore outbox,
    EmailTemplates templates,
    FallbackPolicy fallbackPolicy,
    DeliveryListener listener,
    Clock clock,
    long maxMessageBytes,
    Duration verifyDeadline,
    Optional<String> heloName,
    int maxIdleConnectionsPerIdentity,
    Duration idleConnectionTimeout,
    Optional<TokenProvider> tokenProvider,
    SendingLedger sendingLedger,
    SendingLimits sendingLimits,
    RefreshTokenStore refreshTokens,
    QueuedRendering queuedRendering) {

  /**
   * Rejects a configuration missing a required part, naming the builder method to call.
   *
   * @throws ConfigurationException naming the setting
   */
  public MailerConfig {
    required("companySender", companySender);
    required("keyRing", cipher);
    required("renderer", renderer);
    required("userSettings", userSettings);
    required("deliveryLog", deliveryLog);
    required("outbox", outbox);
    required("templates", templates);
    required("fallbackPolicy", fallbackPolicy);
    required("listener", listener);
    required("clock", clock);
    if (maxMessageBytes < 1024) {
      throw new ConfigurationException(
          "maxMessageBytes", maxMessageBytes + " is too small for any quote");
    }
    required("verifyDeadline", verifyDeadline);
    heloName = validHeloName(heloName);
    if (maxIdleConnectionsPerIdentity < 0 || maxIdleConnectionsPerIdentity > 64) {
      throw new ConfigurationException(
          "maxIdleConnectionsPerIdentity", maxIdleConnectionsPerIdentity + " is outside 0-64");
    }
    required("idleConnectionTimeout", idleConnectionTimeout);
    if (idleConnectionTimeout.isNegative() || idleConnectionTimeout.isZero()) {
      throw new ConfigurationException("idleConnectionTimeout", "must be positive");
    }
    required("tokenProvider", tokenProvider);
    required("sendingLedger", sendingLedger);
    required("sendingLimits", sendingLimits);
    required("refreshTokens", refreshTokens);
    required("queuedRendering", queuedRendering);
    if (companySender.account().credential() instanceof OAuth2Grant && tokenProvider.isEmpty()) {
      throw new ConfigurationException(
          "tokenProvider",
          "the company account logs in with OAuth2 but no TokenProvider is configured: add"
              + " oauth2-http to the class path or call tokenProvider(...)");
    }
  }

  private static Optional<String> validHeloName(Optional<String> heloName) {
    if (heloName == null || heloName.isEmpty()) {
      return Optional.empty();
    }
    String name;
    try {
      name = Arguments.text("heloName", heloName.get(), 255);
    } catch (InvalidInputException e) {
      throw new ConfigurationException("heloName", e.getMessage().substring("heloName: ".length()));
    }
    // Checked here, not at the first EHLO: a bad name would fail every send on every server.
    if (!HeloName.isValid(name)) {
      throw new ConfigurationException(
          "heloName",
          "'" + name + "' is neither a host name nor an address literal such as [192.0.2.1]");
    }
    return Optional.of(name);
  }

  private static void required(String setting, Object value) {
    if (value == null) {
      throw new ConfigurationException(setting, "is required");
    }
  }

  /** A builder holding every setting's default; {@link Builder#build()} validates them. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects the settings by name, starting from the defaults documented on {@code
   * QuoteMailer.Builder}: in-memory stores, bundled templates, the default fallback policy, no
   * listener, the UTC system clock, no sending limits but the providers' presets, and a sending
   * ledger in memory over the delivery log.
   */
  public static final class Builder {
    private CompanySender companySender;
    private SecretCipher cipher;
    private QuoteDocumentRenderer renderer;
    private UserSmtpRepository userSettings = new InMemoryUserSmtpRepository();
    private DeliveryLog deliveryLog = new InMemoryDeliveryLog();
    private OutboxStore outbox = new InMemoryOutbox();
    private EmailTemplates templates = MessageFormatEmailTemplates.defaults();
    private FallbackPolicy fallbackPolicy = FallbackPolicy.defaults();
    private DeliveryListener listener = new DeliveryListener() {};
    private Clock clock = Clock.systemUTC();
    private long maxMessageBytes = QuoteMailer.Builder.DEFAULT_MAX_MESSAGE_BYTES;
    private Duration verifyDeadline = QuoteMailer.Builder.DEFAULT_VERIFY_DEADLINE;
    // Empty: this machine's name, looked up at the first connection (see HeloName).
    private Optional<String> heloName = Optional.empty();
    private int maxIdleConnectionsPerIdentity =
        QuoteMailer.Builder.DEFAULT_MAX_IDLE_CONNECTIONS_PER_IDENTITY;
    private Duration idleConnectionTimeout = QuoteMailer.Builder.DEFAULT_IDLE_CONNECTION_TIMEOUT;
    private Optional<TokenProvider> tokenProvider = Optional.empty();
    private boolean tokenProviderSet;
    private SendingLedger sendingLedger;
    private final Map<String, SendingLimit> hostSendingLimits = new HashMap<>();
    private Optional<SendingLimit> companySendingLimit = Optional.empty();
    private boolean sendingLimitPresets = QuoteMailer.Builder.DEFAULT_SENDING_LIMIT_PRESETS;
    private RefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
    private QueuedRendering queuedRendering = QuoteMailer.Builder.DEFAULT_QUEUED_RENDERING;

    private Builder() {}

    /** Sets when a queued quote is rendered. */
    public Builder queuedRendering(QueuedRendering queuedRendering) {
      this.queuedRendering = queuedRendering;
      return this;
    }

    /** Sets {@code companySender}. */
    public Builder companySender(CompanySender companySender) {
      this.companySender = companySender;
      return this;
    }

    /** Sets {@code cipher}. */
    public Builder cipher(SecretCipher cipher) {
      this.cipher = cipher;
      return this;
    }

    /** Sets {@code renderer}. */
    public Builder renderer(QuoteDocumentRenderer renderer) {
      this.renderer = renderer;
      return this;
    }

    /** Sets {@code userSettings}. */
    public Builder userSettings(UserSmtpRepository userSettings) {
      this.userSettings = userSettings;
      return this;
    }

    /** Sets {@code deliveryLog}. */
    public Builder deliveryLog(DeliveryLog deliveryLog) {
      this.deliveryLog = deliveryLog;
      return this;
    }

    /** Sets {@code outbox}. */
    public Builder outbox(OutboxStore outbox) {
      this.outbox = outbox;
      return this;
    }

    /** Sets {@code templates}. */
    public Builder templates(EmailTemplates templates) {
      this.templates = templates;
      return this;
    }

    /** Sets {@code fallbackPolicy}. */
    public Builder fallbackPolicy(FallbackPolicy fallbackPolicy) {
      this.fallbackPolicy = fallbackPolicy;
      return this;
    }

    /** Sets {@code listener}. */
    public Builder listener(DeliveryListener listener) {
      this.listener = listener;
      return this;
    }

    /** Sets {@code clock}. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Sets {@code maxMessageBytes}. */
    public Builder maxMessageBytes(long maxMessageBytes) {
      this.maxMessageBytes = maxMessageBytes;
      return this;
    }

    /** Sets {@code verifyDeadline}. */
    public Builder verifyDeadline(Duration verifyDeadline) {
      this.verifyDeadline = verifyDeadline;
      return this;
    }

    /** Sets {@code heloName}; {@link #build()} refuses a null or blank one. */
    public Builder heloName(String heloName) {
      this.heloName = Optional.of(heloName == null ? "" : heloName);
      return this;
    }

    /** Sets {@code maxIdleConnectionsPerIdentity}. */
    public Builder maxIdleConnectionsPerIdentity(int maxIdleConnectionsPerIdentity) {
      this.maxIdleConnectionsPerIdentity = maxIdleConnectionsPerIdentity;
      return this;
    }

    /** Sets {@code tokenProvider}; without it, the one {@link ServiceLoader} finds, if any. */
    public Builder tokenProvider(TokenProvider tokenProvider) {
      this.tokenProvider = Optional.ofNullable(tokenProvider);
      this.tokenProviderSet = tokenProvider != null;
      return this;
    }

    /** Sets {@code refreshTokens}. */
    public Builder refreshTokens(RefreshTokenStore refreshTokens) {
      this.refreshTokens = refreshTokens;
      return this;
    }

    /** Sets {@code idleConnectionTimeout}. */
    public Builder idleConnectionTimeout(Duration idleConnectionTimeout) {
      this.idleConnectionTimeout = idleConnectionTimeout;
      return this;
    }

    /** Sets {@code sendingLedger}; without it, one in memory over the delivery log. */
    public Builder sendingLedger(SendingLedger sendingLedger) {
      this.sendingLedger = sendingLedger;
      return this;
    }

    /** Sets the default limit of every account on {@code smtpHost} (compared in lower case). */
    public Builder sendingLimit(String smtpHost, SendingLimit limit) {
      hostSendingLimits.put(smtpHost.toLowerCase(Locale.ROOT), limit);
      return this;
    }

    /** Sets the company account's own limit. */
    public Builder companySendingLimit(SendingLimit limit) {
      this.companySendingLimit = Optional.of(limit);
      return this;
    }

    /** Sets whether the providers' presets apply to hosts without a limit of their own. */
    public Builder sendingLimitPresets(boolean on) {
      this.sendingLimitPresets = on;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws ConfigurationException naming the first setting that is missing or wrong
     */
    public MailerConfig build() {
      return new MailerConfig(
          companySender,
          cipher,
          renderer,
          userSettings,
          deliveryLog,
          outbox,
          templates,
          fallbackPolicy,
          listener,
          clock,
          maxMessageBytes,
          verifyDeadline,
          heloName,
          maxIdleConnectionsPerIdentity,
          idleConnectionTimeout,
          tokenProviderSet ? tokenProvider : ServiceLoader.load(TokenProvider.class).findFirst(),
          sendingLedger != null || deliveryLog == null
              ? sendingLedger
              : new InMemorySendingLedger(deliveryLog),
          new SendingLimits(hostSendingLimits, companySendingLimit, sendingLimitPresets),
          refreshTokens,
          queuedRendering);
    }
  }
}
