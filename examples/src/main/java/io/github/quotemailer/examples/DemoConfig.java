package io.github.quotemailer.examples;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.OAuth2Provider;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.QueuedRendering;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.outbox.UnknownOutcome;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.Credential;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The command line's configuration: a Java properties file (every key is documented in the README),
 * with secrets optionally taken from environment variables instead. A missing or invalid value is a
 * {@link ConfigurationException} naming its key, so the command exits with {@link
 * ExitCodes#CONFIGURATION}, not as if the command's own input were wrong.
 */
public final class DemoConfig {
  /** Environment variable that may hold the key ring instead of the file. */
  public static final String KEYS_ENV = KeyRing.ENVIRONMENT_VARIABLE;

  /** Environment variable that may hold the company password instead of the file. */
  public static final String COMPANY_PASSWORD_ENV = "QUOTEMAILER_COMPANY_PASSWORD";

  /** Prefix of the per-host sending limit keys, {@code quotemailer.limit.<smtp-host>}. */
  static final String LIMIT_PREFIX = "quotemailer.limit.";

  /** The company account's sending limit. */
  static final String COMPANY_LIMIT = "quotemailer.company.limit";

  /** Environment variable that may hold the company account's OAuth2 refresh token. */
  public static final String COMPANY_REFRESH_TOKEN_ENV = "QUOTEMAILER_COMPANY_REFRESH_TOKEN";

  /** Environment variable that may hold the company app's OAuth2 client secret. */
  public static final String COMPANY_CLIENT_SECRET_ENV = "QUOTEMAILER_COMPANY_CLIENT_SECRET";

  /**
   * When a queued quote is rendered: {@code when-sent} (the library's default) or {@code
   * when-enqueued}.
   */
  public static final String QUEUED_RENDERING = "quotemailer.outbox.rendering";

  /** The file's key for each setting name the library reports when it rejects a value. */
  private static final Map<String, String> KEY_OF_SETTING =
      Map.ofEntries(
          Map.entry("smtp.host", "quotemailer.smtp.host"),
          Map.entry("smtp.port", "quotemailer.smtp.port"),
          Map.entry("smtp.security", "quotemailer.smtp.security"),
          Map.entry("smtp.trustStore", "quotemailer.smtp.trust-store"),
          Map.entry("heloName", "quotemailer.smtp.helo-name"),
          Map.entry("maxAttempts", "quotemailer.retry.max-attempts"),
          Map.entry("initialBackoff", "quotemailer.retry.initial-backoff-seconds"),
          Map.entry("maxBackoff", "quotemailer.retry.max-backoff-seconds"),
          Map.entry("jitter", "quotemailer.retry.jitter"),
          Map.entry("quotaDeferral", "quotemailer.retry.quota-deferral-seconds"),
          Map.entry("lease", "quotemailer.outbox.lease-seconds"),
          Map.entry("pollInterval", "quotemailer.outbox.poll-seconds"),
          Map.entry("companySendingLimit", COMPANY_LIMIT));

  private final Properties properties;
  private final Map<String, String> environment;

  private DemoConfig(Properties properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** Reads {@code file} (UTF-8 properties); secrets may come from {@code environment}. */
  public static DemoConfig load(Path file, Map<String, String> environment) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigurationException("--config", "cannot read " + file + ": " + e.getMessage());
    }
    return new DemoConfig(properties, environment);
  }

  /**
   * The stores on {@code quotemailer.db.url}, migrated; a database that cannot be reached is a
   * {@link io.github.quotemailer.StorageException}.
   */
  public JdbcStores stores() {
    String url = required("quotemailer.db.url");
    String username = optional("quotemailer.db.username").orElse(null);
    String password = optional("quotemailer.db.password").orElse(null);
    JdbcStores stores =
        checked("quotemailer.db.url", () -> JdbcStores.create(url, username, password));
    stores.migrate();
    return stores;
  }

  /** The key ring from {@code quotemailer.secret.keys} or {@value #KEYS_ENV}. */
  public KeyRing keyRing() {
    Optional<String> spec = optional("quotemailer.secret.keys");
    if (spec.isPresent()) {
      return checked("quotemailer.secret.keys", () -> KeyRing.parse(spec.get()));
    }
    String fromEnv = environment.get(KEYS_ENV);
    if (fromEnv == null || fromEnv.isBlank()) {
      throw new ConfigurationException(
          "quotemailer.secret.keys", "is not set, nor is the environment variable " + KEYS_ENV);
    }
    return checked(KEYS_ENV, () -> KeyRing.parse(fromEnv));
  }

  /**
   * The company SMTP server ({@code quotemailer.smtp.*}); without {@code quotemailer.smtp.host},
   * the preset server of the company's OAuth2 provider, if it has one.
   */
  public SmtpServer companyServer() {
    Optional<SmtpServer> preset =
        optional("quotemailer.company.oauth2.provider")
            .flatMap(
                p ->
                    checked(
                            "quotemailer.company.oauth2.provider",
                            () -> OAuth2Provider.parse("provider", p))
                        .smtpServer());
    if (optional("quotemailer.smtp.host").isEmpty() && preset.isPresent()) {
      return preset.get();
    }
    String host = required("quotemailer.smtp.host");
    int port = integer("quotemailer.smtp.port");
    String security = optional("quotemailer.smtp.security").orElse("IMPLICIT_TLS");
    SmtpServer.Builder builder =
        SmtpServer.builder(
            host, port, checked("quotemailer.smtp.security", () -> security(security)));
    Optional<String> trustStore = optional("quotemailer.smtp.trust-store");
    if (trustStore.isPresent()) {
      Path file = Path.of(trustStore.get());
      if (!Files.isReadable(file)) {
        // Otherwise the mail library finds out only at the first send.
        throw new ConfigurationException("quotemailer.smtp.trust-store", "cannot read " + file);
      }
      builder.trustStore(
          file, optional("quotemailer.smtp.trust-store-password").orElse("").toCharArray());
    }
    return checked(builder::build);
  }

  /**
   * The company sender ({@code quotemailer.company.*}): it logs in with {@code
   * quotemailer.company.password} (or {@value #COMPANY_PASSWORD_ENV}), or with an OAuth2 grant when
   * {@code quotemailer.company.oauth2.provider} is set.
   */
  public CompanySender companySender() {
    String address = required("quotemailer.company.address");
    Credential credential =
        optional("quotemailer.company.oauth2.provider").isPresent()
            ? companyGrant()
            : Secret.of(secret("quotemailer.company.password", COMPANY_PASSWORD_ENV));
    SmtpServer server = companyServer();
    String username = optional("quotemailer.company.username").orElse(address);
    String name = required("quotemailer.company.name");
    return checked(
        () ->
            CompanySender.of(
                new SmtpAccount(server, username, credential),
                EmailAddress.of("quotemailer.company.address", address),
                name));
  }

  /** {@code value} as an absolute URL, or a configuration error for {@code key}. */
  static URI uri(String key, String value) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigurationException(key, "'" + value + "' is not a URL");
    }
  }

  /** A secret from {@code key} in the file, or else from the environment variable {@code env}. */
  private String secret(String key, String env) {
    return optional(key)
        .or(() -> Optional.ofNullable(environment.get(env)))
        .orElseThrow(
            () ->
                new ConfigurationException(
                    key, "is not set, nor is the environment variable " + env));
  }

  /** The company account's OAuth2 grant ({@code quotemailer.company.oauth2.*}). */
  private OAuth2Grant companyGrant() {
    String prefix = "quotemailer.company.oauth2.";
    OAuth2Client client =
        oauth2Client(
            prefix,
            optional(prefix + "client-id")
                .orElseThrow(
                    () -> new ConfigurationException(prefix + "client-id", "is required")));
    Secret refreshToken =
        checked(
            prefix + "refresh-token",
            () -> Secret.of(secret(prefix + "refresh-token", COMPANY_REFRESH_TOKEN_ENV)));
    Optional<String> clientSecret =
        optional(prefix + "client-secret")
            .or(() -> Optional.ofNullable(environment.get(COMPANY_CLIENT_SECRET_ENV)));
    if (clientSecret.isEmpty()) {
      return OAuth2Grant.of(client, refreshToken);
    }
    Secret secret = checked(prefix + "client-secret", () -> Secret.of(clientSecret.get()));
    return OAuth2Grant.of(client, refreshToken, secret);
  }

  /**
   * The app registration under {@code prefix}: {@code provider} (microsoft, google or custom),
   * {@code tenant} (Microsoft), {@code token-endpoint} (required for custom, else overrides the
   * preset) and {@code scope} (default: the provider's preset).
   */
  OAuth2Client oauth2Client(String prefix, String clientId) {
    OAuth2Provider provider =
        checked(
            prefix + "provider",
            () -> OAuth2Provider.parse("provider", required(prefix + "provider")));
    Optional<URI> endpoint =
        optional(prefix + "token-endpoint").map(v -> uri(prefix + "token-endpoint", v));
    String tenant = optional(prefix + "tenant").orElse(null);
    Optional<String> scope = optional(prefix + "scope").or(provider::scope);
    if (provider == OAuth2Provider.CUSTOM && endpoint.isEmpty()) {
      throw new ConfigurationException(prefix + "token-endpoint", "is required for custom");
    }
    URI tokenEndpoint =
        endpoint.orElseGet(() -> checked(prefix + "tenant", () -> provider.tokenEndpoint(tenant)));
    String scopes =
        scope.orElseThrow(() -> new ConfigurationException(prefix + "scope", "is required"));
    try {
      return new OAuth2Client(provider, tokenEndpoint, clientId, scopes);
    } catch (InvalidInputException e) {
      // The client names the part it refused: oauth2.tokenEndpoint, oauth2.clientId, oauth2.scope.
      String part =
          e.field().endsWith("clientId")
              ? "client-id"
              : e.field().endsWith("scope") ? "scope" : "token-endpoint";
      throw misconfigured(prefix + part, e);
    }
  }

  /**
   * The fallback policy: defaults, changed by {@code quotemailer.fallback} ({@code CLASS=ACTION}
   * pairs, e.g. {@code QUOTA=FALL_BACK,TLS_FAILURE=FAIL}) and {@code
   * quotemailer.fallback.require-verified}.
   */
  public FallbackPolicy fallbackPolicy() {
    FallbackPolicy.Builder builder = FallbackPolicy.builder();
    for (String pair : optional("quotemailer.fallback").orElse("").split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      if (parts.length != 2) {
        throw new ConfigurationException(
            "quotemailer.fallback", "'" + pair + "' is not CLASS=ACTION");
      }
      checked(
          "quotemailer.fallback",
          () ->
              builder.on(
                  enumValue(SmtpReplyClass.class, "quotemailer.fallback", parts[0]),
                  enumValue(FallbackAction.class, "quotemailer.fallback", parts[1])));
    }
    bool("quotemailer.fallback.require-verified").ifPresent(builder::requireVerified);
    return checked("quotemailer.fallback", builder::build);
  }

  /**
   * A mailer wired to the configured database, keys, company sender, policy and sending limits
   * ({@code quotemailer.limit-presets=false} switches the providers' presets off), announcing
   * itself in EHLO as {@code quotemailer.smtp.helo-name} if set (else the library's default), and
   * rendering queued quotes as {@code quotemailer.outbox.rendering} says.
   */
  public QuoteMailer mailer(JdbcStores stores) {
    QuoteMailer.Builder builder =
        QuoteMailer.builder()
            .companySender(companySender())
            .keyRing(keyRing())
            .renderer(OpenPdfQuoteRenderer.create())
            .stores(stores)
            .fallbackPolicy(fallbackPolicy());
    sendingLimitsByHost().forEach(builder::sendingLimit);
    companySendingLimit().ifPresent(builder::companySendingLimit);
    bool("quotemailer.limit-presets").ifPresent(builder::sendingLimitPresets);
    optional("quotemailer.smtp.helo-name").ifPresent(builder::heloName);
    optional(QUEUED_RENDERING)
        .map(value -> enumValue(QueuedRendering.class, QUEUED_RENDERING, value))
        .ifPresent(builder::queuedRendering);
    return checked(builder::build);
  }

  /**
   * The default sending limit of every account per SMTP host: each key {@code
   * quotemailer.limit.<smtp-host>=COUNT/WINDOW}, e.g. {@code quotemailer.limit.smtp.gmail.com=
   * 1500/24h}. The providers' presets apply to hosts without one.
   */
  public Map<String, SendingLimit> sendingLimitsByHost() {
    Map<String, SendingLimit> limits = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith(LIMIT_PREFIX)) {
        continue;
      }
      String host = key.substring(LIMIT_PREFIX.length()).strip();
      if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
        throw new ConfigurationException(key, "names no SMTP host: use " + LIMIT_PREFIX + "<host>");
      }
      String value = optional(key).orElse("");
      limits.put(host, checked(key, () -> SendingLimit.parse(key, value)));
    }
    return limits;
  }

  /** The company account's sending limit, {@code quotemailer.company.limit=COUNT/WINDOW}. */
  public Optional<SendingLimit> companySendingLimit() {
    return optional(COMPANY_LIMIT)
        .map(value -> checked(COMPANY_LIMIT, () -> SendingLimit.parse(COMPANY_LIMIT, value)));
  }

  /**
   * A worker builder with {@code quotemailer.outbox.lease-seconds}, {@code
   * quotemailer.outbox.park-unknown-outcome} and the {@code quotemailer.retry.*} settings.
   */
  public DeliveryWorker.Builder worker(QuoteMailer mailer) {
    Duration lease = seconds("quotemailer.outbox.lease-seconds", DeliveryWorker.DEFAULT_LEASE);
    Duration poll =
        seconds("quotemailer.outbox.poll-seconds", DeliveryWorker.DEFAULT_POLL_INTERVAL);
    boolean park = bool("quotemailer.outbox.park-unknown-outcome").orElse(false);
    RetrySettings retry = retrySettings();
    return checked(
        () ->
            mailer
                .worker()
                .lease(lease)
                .pollInterval(poll)
                .unknownOutcome(
                    park ? UnknownOutcome.PARK : UnknownOutcome.RESEND_AS_POSSIBLE_DUPLICATE)
                .retry(retry));
  }

  private RetrySettings retrySettings() {
    RetrySettings defaults = RetrySettings.defaults();
    int maxAttempts =
        optional("quotemailer.retry.max-attempts")
            .map(v -> number("quotemailer.retry.max-attempts", v))
            .orElse(defaults.maxAttempts());
    Duration initial =
        seconds("quotemailer.retry.initial-backoff-seconds", defaults.initialBackoff());
    Duration max = seconds("quotemailer.retry.max-backoff-seconds", defaults.maxBackoff());
    double jitter =
        optional("quotemailer.retry.jitter")
            .map(v -> decimal("quotemailer.retry.jitter", v))
            .orElse(defaults.jitter());
    Duration quota = seconds("quotemailer.retry.quota-deferral-seconds", defaults.quotaDeferral());
    return checked(() -> new RetrySettings(maxAttempts, initial, max, jitter, quota));
  }

  private Duration seconds(String key, Duration otherwise) {
    return optional(key)
        .map(v -> Duration.ofMillis(Math.round(decimal(key, v) * 1000)))
        .orElse(otherwise);
  }

  private Optional<Boolean> bool(String key) {
    return optional(key)
        .map(
            v ->
                switch (v.toLowerCase(Locale.ROOT)) {
                  case "true" -> true;
                  case "false" -> false;
                  default ->
                      throw new ConfigurationException(key, "'" + v + "' is not true or false");
                });
  }

  private static int number(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigurationException(key, "'" + value + "' is not a whole number");
    }
  }

  private static double decimal(String key, String value) {
    try {
      double number = Double.parseDouble(value);
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, like a non-finite value
    }
    throw new ConfigurationException(key, "'" + value + "' is not a number");
  }

  /**
   * Runs {@code build}; a value the library rejects becomes a configuration error naming the file's
   * key for the setting the library named.
   */
  private static <T> T checked(Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidInputException e) {
      throw misconfigured(KEY_OF_SETTING.getOrDefault(e.field(), e.field()), e);
    }
  }

  /**
   * Runs {@code build}; a value the library rejects becomes a configuration error for {@code key}.
   */
  private static <T> T checked(String key, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidInputException e) {
      throw misconfigured(key, e);
    }
  }

  private static ConfigurationException misconfigured(String key, InvalidInputException rejected) {
    String message = rejected.getMessage();
    String prefix = rejected.field() + ": ";
    String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    ConfigurationException e = new ConfigurationException(key, problem);
    e.initCause(rejected);
    return e;
  }

  /** A value, if set and not blank. */
  public Optional<String> optional(String key) {
    String value = properties.getProperty(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private String required(String key) {
    return optional(key)
        .orElseThrow(() -> new ConfigurationException(key, "is required in the config file"));
  }

  private int integer(String key) {
    return number(key, required(key));
  }

  /** Parses a transport security name, naming the option on error. */
  static TransportSecurity security(String value) {
    return enumValue(TransportSecurity.class, "security", value);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          field,
          "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
