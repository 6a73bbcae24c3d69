package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.OAuth2Provider;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * {@link UserSmtpRepository} on {@code qm_user_smtp_settings}. Saving upserts (a second save of the
 * same user id replaces the first); only the encrypted form of the password is written. Of the
 * user's server, host, port, security and the three timeouts (whole milliseconds) are stored; rows
 * written before the timeout columns existed read back with {@link SmtpServer}'s default timeouts.
 * A server with its own trust store is refused: the trust store's password must not sit in a table.
 */
public final class JdbiUserSmtpRepository implements UserSmtpRepository {
  /** Width of {@code password_key_id}; {@code KeyRing} ids are at most this long. */
  static final int MAX_KEY_ID_LENGTH = 32;

  /** {@code credential_kind} of a password account. */
  static final String KIND_PASSWORD = "PASSWORD";

  /** {@code credential_kind} of an OAuth2 account. */
  static final String KIND_OAUTH2 = "OAUTH2";

  /** Width of {@code display_name}: the limit {@link UserSmtpSettings} checks display names to. */
  static final int MAX_DISPLAY_NAME_LENGTH = 200;

  /**
   * Width of {@code health_reply}. Longer server replies are cut, not refused: failing to record
   * that a login was rejected would be worse than a shortened reply.
   */
  static final int MAX_HEALTH_REPLY_LENGTH = 500;

  /** Shown when a server with its own trust store is saved; the same advice as the README's. */
  static final String TRUST_STORE_NOT_STORED =
      "is not stored in the database (its password would sit in a table); save the server without"
          + " one and add its CA to the JVM's default trust store"
          + " (-Djavax.net.ssl.trustStore=...), which QuoteMailer uses for every server without a"
          + " trust store of its own";

  private final Jdbi jdbi;
  private final Class<? extends SettingsDao> dao;
  private final Clock clock;

  /** A repository on {@code jdbi}, upserting with the statements of {@code dao}. */
  public JdbiUserSmtpRepository(Jdbi jdbi, Class<? extends SettingsDao> dao, Clock clock) {
    this.jdbi = jdbi;
    this.dao = dao;
    this.clock = clock;
  }

  @Override
  public Optional<UserSmtpSettings> find(String userId) {
    String id = checkUserId(userId);
    String operation = "reading SMTP settings of user '" + id + "'";
    return Failures.translate(
            operation, () -> jdbi.withExtension(SettingsLookup.class, d -> d.find(id)))
        .map(row -> toSettings(row, operation));
  }

  @Override
  public void save(UserSmtpSettings settings) {
    SettingsRow row = toRow(settings);
    Failures.run(
        "saving SMTP settings of user '" + settings.userId() + "'",
        () -> jdbi.useExtension(dao, d -> d.upsert(row)));
  }

  /** Saves {@code settings} on {@code handle}, inside the caller's transaction. */
  void save(Handle handle, UserSmtpSettings settings) {
    handle.attach(dao).upsert(toRow(settings));
  }

  @Override
  public boolean delete(String userId) {
    String id = checkUserId(userId);
    return Failures.translate(
        "deleting SMTP settings of user '" + id + "'",
        () -> jdbi.withExtension(dao, d -> d.delete(id)) > 0);
  }

  @Override
  public List<UserSmtpSettings> list() {
    String operation = "listing SMTP settings";
    return Failures.translate(operation, () -> jdbi.withExtension(dao, SettingsDao::list)).stream()
        .map(row -> toSettings(row, operation))
        .toList();
  }

  /** Sets only the health columns, in one statement: no read-modify-write race with a save. */
  @Override
  public void updateHealth(String userId, SettingsHealth health) {
    String id = checkUserId(userId);
    String reply = health.serverReply().map(JdbiUserSmtpRepository::shorten).orElse(null);
    Failures.run(
        "recording the SMTP login result of user '" + id + "'",
        () ->
            jdbi.useExtension(
                dao,
                d ->
                    d.updateHealth(
                        id,
                        health.status().name(),
                        health.checkedAt().orElse(null),
                        reply,
                        clock.instant())));
  }

  private SettingsRow toRow(UserSmtpSettings settings) {
    EncryptedSecret password = checkKeyId("password.keyId", settings.credential().secret());
    Optional<SmtpServer> server = settings.server();
    if (server.flatMap(SmtpServer::trustStore).isPresent()) {
      // Refused rather than dropped: a server saved without it would fail its TLS handshake later.
      throw new InvalidInputException("server.trustStore", TRUST_STORE_NOT_STORED);
    }
    SettingsHealth health = settings.health();
    SettingsRow.Builder row = SettingsRow.builder();
    credentialColumns(row, settings.credential());
    limitColumns(row, settings.sendingLimit());
    return row.userId(settings.userId())
        .address(settings.address().value())
        .displayName(settings.displayName())
        .username(settings.username())
        .smtpHost(server.map(SmtpServer::host).orElse(null))
        .smtpPort(server.map(SmtpServer::port).orElse(null))
        .smtpSecurity(server.map(s -> s.security().name()).orElse(null))
        .smtpConnectTimeoutMs(
            millis("server.connectTimeout", server.map(SmtpServer::connectTimeout)))
        .smtpReadTimeoutMs(millis("server.readTimeout", server.map(SmtpServer::readTimeout)))
        .smtpWriteTimeoutMs(millis("server.writeTimeout", server.map(SmtpServer::writeTimeout)))
        .passwordKeyId(password.keyId())
        .passwordSecret(password.encoded())
        .enabled(settings.enabled())
        .healthStatus(health.status().name())
        .healthCheckedAt(health.checkedAt().orElse(null))
        .healthReply(health.serverReply().map(JdbiUserSmtpRepository::shorten).orElse(null))
        .updatedAt(clock.instant())
        .build();
  }

  private static EncryptedSecret checkKeyId(String field, EncryptedSecret secret) {
    if (secret.keyId().length() > MAX_KEY_ID_LENGTH) {
      throw new InvalidInputException(
          field,
          "is " + secret.keyId().length() + " characters long; the limit is " + MAX_KEY_ID_LENGTH);
    }
    return secret;
  }

  /** The credential_kind and oauth_* columns; the password or refresh token is password_secret. */
  private static void credentialColumns(SettingsRow.Builder row, StoredCredential credential) {
    if (!(credential instanceof StoredCredential.OAuth2 grant)) {
      row.credentialKind(KIND_PASSWORD);
      return;
    }
    OAuth2Client client = grant.client();
    Optional<EncryptedSecret> secret =
        grant.clientSecret().map(s -> checkKeyId("oauth2.clientSecret.keyId", s));
    row.credentialKind(KIND_OAUTH2)
        .oauthProvider(client.provider().name())
        .oauthTokenEndpoint(client.tokenEndpoint().toString())
        .oauthClientId(client.clientId())
        .oauthScope(client.scope())
        .oauthClientSecretKeyId(secret.map(EncryptedSecret::keyId).orElse(null))
        .oauthClientSecret(secret.map(EncryptedSecret::encoded).orElse(null));
  }

  private static void limitColumns(SettingsRow.Builder row, Optional<SendingLimit> limit) {
    row.sendLimitCount(limit.map(SendingLimit::count).orElse(null))
        .sendLimitWindowS(limit.map(l -> l.window().toSeconds()).orElse(null));
  }

  private static StoredCredential toCredential(SettingsRow row) {
    EncryptedSecret secret = EncryptedSecret.parse(row.passwordSecret());
    if (!KIND_OAUTH2.equals(row.credentialKind())) {
      return new StoredCredential.Password(secret);
    }
    OAuth2Client client =
        new OAuth2Client(
            OAuth2Provider.valueOf(String.valueOf(row.oauthProvider())),
            URI.create(String.valueOf(row.oauthTokenEndpoint())),
            row.oauthClientId(),
            row.oauthScope());
    return new StoredCredential.OAuth2(
        client, secret, Optional.ofNullable(row.oauthClientSecret()).map(EncryptedSecret::parse));
  }

  private static Optional<SendingLimit> toLimit(SettingsRow row) {
    if (row.sendLimitCount() == null || row.sendLimitWindowS() == null) {
      return Optional.empty();
    }
    return Optional.of(
        SendingLimit.of(row.sendLimitCount(), Duration.ofSeconds(row.sendLimitWindowS())));
  }

  /**
   * {@code timeout} in whole milliseconds, the columns' unit; null without a server. A fraction of
   * a millisecond is refused rather than rounded, so what is read back equals what was saved.
   */
  private static @Nullable Long millis(String field, Optional<Duration> timeout) {
    if (timeout.isEmpty()) {
      return null;
    }
    Duration value = timeout.get();
    if (value.getNano() % 1_000_000 != 0) {
      throw new InvalidInputException(
          field, value + " has a fraction of a millisecond; timeouts are stored in milliseconds");
    }
    try {
      return value.toMillis();
    } catch (ArithmeticException e) {
      throw new InvalidInputException(field, value + " is too long to be stored");
    }
  }

  private static UserSmtpSettings toSettings(SettingsRow row, String operation) {
    try {
      Optional<SmtpServer> server =
          row.smtpHost() == null ? Optional.empty() : Optional.of(toServer(row));
      SettingsHealth health =
          new SettingsHealth(
              SettingsHealth.Status.valueOf(row.healthStatus()),
              Optional.ofNullable(row.healthCheckedAt()),
              Optional.ofNullable(row.healthReply()));
      return new UserSmtpSettings(
          row.userId(),
          EmailAddress.of(row.address()),
          row.displayName(),
          row.username(),
          server,
          toCredential(row),
          toLimit(row),
          row.enabled(),
          health);
    } catch (InvalidInputException | IllegalArgumentException e) {
      throw new StorageException(
          operation
              + " failed: the stored row of user '"
              + row.userId()
              + "' is not valid ("
              + e.getMessage()
              + "); fix or delete it",
          e);
    }
  }

  /** The user's server; a timeout column that is null (a row from before V3) is the default. */
  private static SmtpServer toServer(SettingsRow row) {
    return SmtpServer.builder(
            String.valueOf(row.smtpHost()),
            row.smtpPort() == null ? 0 : row.smtpPort(),
            TransportSecurity.valueOf(String.valueOf(row.smtpSecurity())))
        .connectTimeout(duration(row.smtpConnectTimeoutMs(), SmtpServer.DEFAULT_CONNECT_TIMEOUT))
        .readTimeout(duration(row.smtpReadTimeoutMs(), SmtpServer.DEFAULT_READ_TIMEOUT))
        .writeTimeout(duration(row.smtpWriteTimeoutMs(), SmtpServer.DEFAULT_WRITE_TIMEOUT))
        .build();
  }

  private static Duration duration(@Nullable Long millis, Duration whenNull) {
    return millis == null ? whenNull : Duration.ofMillis(millis);
  }

  /**
   * Replaces the refresh token in one conditional update: only an OAuth2 row whose stored token is
   * still {@code previous} changes, so a newer token another node stored first is never
   * overwritten.
   */
  @Override
  public boolean replaceRefreshToken(
      String userId, EncryptedSecret previous, EncryptedSecret next) {
    String id = checkUserId(userId);
    checkKeyId("refreshToken.keyId", next);
    return Failures.translate(
        "storing the rotated refresh token of user '" + id + "'",
        () ->
            jdbi.withExtension(
                    dao,
                    d ->
                        d.replaceRefreshToken(
                            id, previous.encoded(), next.keyId(), next.encoded(), clock.instant()))
                > 0);
  }

  /** Validates a user id given to a lookup the way {@link UserSmtpSettings} validates its own. */
  static String checkUserId(String userId) {
    return Arguments.text("userId", userId, UserSmtpSettings.MAX_USER_ID_LENGTH);
  }

  private static String shorten(String reply) {
    return reply.length() <= MAX_HEALTH_REPLY_LENGTH
        ? reply
        : reply.substring(0, MAX_HEALTH_REPLY_LENGTH);
  }
}
