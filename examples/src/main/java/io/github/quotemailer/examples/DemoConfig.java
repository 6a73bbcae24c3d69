package io.github.quotemailer.examples;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.outbox.UnknownOutcome;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The command line's configuration: a Java properties file (every key is documented in the README),
 * with secrets optionally taken from environment variables instead.
 */
public final class DemoConfig {
  /** Environment variable that may hold the key ring instead of the file. */
  public static final String KEYS_ENV = KeyRing.ENVIRONMENT_VARIABLE;

  /** Environment variable that may hold the company password instead of the file. */
  public static final String COMPANY_PASSWORD_ENV = "QUOTEMAILER_COMPANY_PASSWORD";

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
      throw new InvalidInputException("--config", "cannot read " + file + ": " + e.getMessage());
    }
    return new DemoConfig(properties, environment);
  }

  /** The stores on {@code quotemailer.db.url}, migrated. */
  public JdbcStores stores() {
    JdbcStores stores =
        JdbcStores.create(
            required("quotemailer.db.url"),
            optional("quotemailer.db.username").orElse(null),
            optional("quotemailer.db.password").orElse(null));
    stores.migrate();
    return stores;
  }

  /** The key ring from {@code quotemailer.secret.keys} or {@value #KEYS_ENV}. */
  public KeyRing keyRing() {
    Optional<String> spec = optional("quotemailer.secret.keys");
    if (spec.isPresent()) {
      return KeyRing.parse(spec.get());
    }
    String fromEnv = environment.get(KEYS_ENV);
    if (fromEnv == null || fromEnv.isBlank()) {
      throw new InvalidInputException(
          "quotemailer.secret.keys", "is not set, nor is the environment variable " + KEYS_ENV);
    }
    return KeyRing.parse(fromEnv);
  }

  /** The company SMTP server ({@code quotemailer.smtp.*}). */
  public SmtpServer companyServer() {
    SmtpServer.Builder builder =
        SmtpServer.builder(
            required("quotemailer.smtp.host"),
            integer("quotemailer.smtp.port"),
            security(optional("quotemailer.smtp.security").orElse("IMPLICIT_TLS")));
    Optional<String> trustStore = optional("quotemailer.smtp.trust-store");
    if (trustStore.isPresent()) {
      builder.trustStore(
          Path.of(trustStore.get()),
          optional("quotemailer.smtp.trust-store-password").orElse("").toCharArray());
    }
    return builder.build();
  }

  /** The company sender ({@code quotemailer.company.*}). */
  public CompanySender companySender() {
    String address = required("quotemailer.company.address");
    String password =
        optional("quotemailer.company.password")
            .or(() -> Optional.ofNullable(environment.get(COMPANY_PASSWORD_ENV)))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "quotemailer.company.password",
                        "is not set, nor is the environment variable " + COMPANY_PASSWORD_ENV));
    SmtpAccount account =
        new SmtpAccount(
            companyServer(),
            optional("quotemailer.company.username").orElse(address),
            Secret.of(password));
    return CompanySender.of(
        account,
        EmailAddress.of("quotemailer.company.address", address),
        required("quotemailer.company.name"));
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
        throw new InvalidInputException(
            "quotemailer.fallback", "'" + pair + "' is not CLASS=ACTION");
      }
      builder.on(
          enumValue(SmtpReplyClass.class, "quotemailer.fallback", parts[0]),
          enumValue(FallbackAction.class, "quotemailer.fallback", parts[1]));
    }
    optional("quotemailer.fallback.require-verified")
        .ifPresent(v -> builder.requireVerified(Boolean.parseBoolean(v)));
    return builder.build();
  }

  /** A mailer wired to the configured database, keys, company sender and policy. */
  public QuoteMailer mailer(JdbcStores stores) {
    return QuoteMailer.builder()
        .companySender(companySender())
        .keyRing(keyRing())
        .renderer(OpenPdfQuoteRenderer.create())
        .stores(stores)
        .fallbackPolicy(fallbackPolicy())
        .build();
  }

  /**
   * A worker builder with {@code quotemailer.outbox.lease-seconds}, {@code
   * quotemailer.outbox.park-unknown-outcome} and the {@code quotemailer.retry.*} settings.
   */
  public DeliveryWorker.Builder worker(QuoteMailer mailer) {
    RetrySettings defaults = RetrySettings.defaults();
    RetrySettings retry =
        new RetrySettings(
            optional("quotemailer.retry.max-attempts")
                .map(v -> number("quotemailer.retry.max-attempts", v))
                .orElse(defaults.maxAttempts()),
            seconds("quotemailer.retry.initial-backoff-seconds", defaults.initialBackoff()),
            seconds("quotemailer.retry.max-backoff-seconds", defaults.maxBackoff()),
            optional("quotemailer.retry.jitter").map(Double::parseDouble).orElse(defaults.jitter()),
            seconds("quotemailer.retry.quota-deferral-seconds", defaults.quotaDeferral()));
    return mailer
        .worker()
        .lease(seconds("quotemailer.outbox.lease-seconds", DeliveryWorker.DEFAULT_LEASE))
        .pollInterval(
            seconds("quotemailer.outbox.poll-seconds", DeliveryWorker.DEFAULT_POLL_INTERVAL))
        .unknownOutcome(
            optional("quotemailer.outbox.park-unknown-outcome")
                    .map(Boolean::parseBoolean)
                    .orElse(false)
                ? UnknownOutcome.PARK
                : UnknownOutcome.RESEND_AS_POSSIBLE_DUPLICATE)
        .retry(retry);
  }

  private Duration seconds(String key, Duration otherwise) {
    return optional(key)
        .map(v -> Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)))
        .orElse(otherwise);
  }

  private static int number(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(key, "'" + value + "' is not a number");
    }
  }

  /** A value, if set and not blank. */
  public Optional<String> optional(String key) {
    String value = properties.getProperty(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private String required(String key) {
    return optional(key)
        .orElseThrow(() -> new InvalidInputException(key, "is required in the config file"));
  }

  private int integer(String key) {
    String value = required(key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(key, "'" + value + "' is not a number");
    }
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
