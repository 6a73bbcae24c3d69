package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link UserSmtpRepository} on {@code qm_user_smtp_settings}. Saving upserts (a second save of the
 * same user id replaces the first); only the encrypted form of the password is written. Of the
 * user's server only host, port and security are stored: timeouts and trust store come back as
 * {@link SmtpServer}'s defaults.
 */
public final class JdbiUserSmtpRepository implements UserSmtpRepository {
  /** Width of {@code password_key_id}; {@code KeyRing} ids are at most this long. */
  static final int MAX_KEY_ID_LENGTH = 32;

  /**
   * Width of {@code health_reply}. Longer server replies are cut, not refused: failing to record
   * that a login was rejected would be worse than a shortened reply.
   */
  static final int MAX_HEALTH_REPLY_LENGTH = 500;

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
    return Failures.translate(operation, () -> jdbi.withExtension(dao, d -> d.find(id)))
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
    EncryptedSecret password = settings.password();
    if (password.keyId().length() > MAX_KEY_ID_LENGTH) {
      throw new InvalidInputException(
          "password.keyId",
          "is "
              + password.keyId().length()
              + " characters long; the limit is "
              + MAX_KEY_ID_LENGTH);
    }
    Optional<SmtpServer> server = settings.server();
    SettingsHealth health = settings.health();
    return new SettingsRow(
        settings.userId(),
        settings.address().value(),
        settings.displayName(),
        settings.username(),
        server.map(SmtpServer::host).orElse(null),
        server.map(SmtpServer::port).orElse(null),
        server.map(s -> s.security().name()).orElse(null),
        password.keyId(),
        password.encoded(),
        settings.enabled(),
        health.status().name(),
        health.checkedAt().orElse(null),
        health.serverReply().map(JdbiUserSmtpRepository::shorten).orElse(null),
        clock.instant());
  }

  private static UserSmtpSettings toSettings(SettingsRow row, String operation) {
    try {
      Optional<SmtpServer> server =
          row.smtpHost() == null
              ? Optional.empty()
              : Optional.of(
                  SmtpServer.of(
                      row.smtpHost(),
                      row.smtpPort() == null ? 0 : row.smtpPort(),
                      TransportSecurity.valueOf(String.valueOf(row.smtpSecurity()))));
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
          EncryptedSecret.parse(row.passwordSecret()),
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

  /** Validates a user id given to a lookup the way {@link UserSmtpSettings} validates its own. */
  static String checkUserId(String userId) {
    return Inputs.text("userId", userId, UserSmtpSettings.MAX_USER_ID_LENGTH);
  }

  private static String shorten(String reply) {
    return reply.length() <= MAX_HEALTH_REPLY_LENGTH
        ? reply
        : reply.substring(0, MAX_HEALTH_REPLY_LENGTH);
  }
}
