package io.github.quotemailer.identity;

import io.github.quotemailer.internal.Checks;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpServer;
import java.util.Optional;

/**
 * A host user's own SMTP account. The password is held encrypted; only the resolver decrypts it, at
 * send time.
 *
 * @param userId the host's user id
 * @param address the mailbox address used as {@code From}
 * @param displayName the name shown with it
 * @param username the login name
 * @param server the user's server; empty means the company account's server
 * @param password the encrypted password
 * @param enabled whether an admin allows these settings to be used
 * @param health what the last login showed
 */
public record UserSmtpSettings(
    String userId,
    EmailAddress address,
    String displayName,
    String username,
    Optional<SmtpServer> server,
    EncryptedSecret password,
    boolean enabled,
    SettingsHealth health) {

  /** Longest accepted host user id. */
  public static final int MAX_USER_ID_LENGTH = 128;

  /** Validates every field. */
  public UserSmtpSettings {
    userId = Checks.text("userId", userId, MAX_USER_ID_LENGTH);
    Checks.present("address", address);
    displayName = Checks.text("displayName", displayName, 200);
    username = Checks.text("username", username, 254);
    server = server == null ? Optional.empty() : server;
    Checks.present("password", password);
    health = health == null ? SettingsHealth.unverified() : health;
  }

  /** New, enabled, unverified settings that log in with the address as user name. */
  public static UserSmtpSettings of(
      String userId, EmailAddress address, String displayName, EncryptedSecret password) {
    return new UserSmtpSettings(
        userId,
        address,
        displayName,
        address.value(),
        Optional.empty(),
        password,
        true,
        SettingsHealth.unverified());
  }

  /** A copy with {@code health}. */
  public UserSmtpSettings withHealth(SettingsHealth health) {
    return new UserSmtpSettings(
        userId, address, displayName, username, server, password, enabled, health);
  }

  /**
   * A copy on {@code server}, unverified again: the stored password must prove itself there before
   * it is trusted.
   */
  public UserSmtpSettings withServer(SmtpServer server) {
    return new UserSmtpSettings(
        userId,
        address,
        displayName,
        username,
        Optional.of(server),
        password,
        enabled,
        SettingsHealth.unverified());
  }

  /** A copy with the login name {@code username}, unverified again. */
  public UserSmtpSettings withUsername(String username) {
    return new UserSmtpSettings(
        userId,
        address,
        displayName,
        username,
        server,
        password,
        enabled,
        SettingsHealth.unverified());
  }

  /** A copy enabled or disabled. */
  public UserSmtpSettings withEnabled(boolean enabled) {
    return new UserSmtpSettings(
        userId, address, displayName, username, server, password, enabled, health);
  }

  /** A copy with a new encrypted password; the health goes back to unverified. */
  public UserSmtpSettings withPassword(EncryptedSecret password) {
    return new UserSmtpSettings(
        userId,
        address,
        displayName,
        username,
        server,
        password,
        enabled,
        SettingsHealth.unverified());
  }
}
