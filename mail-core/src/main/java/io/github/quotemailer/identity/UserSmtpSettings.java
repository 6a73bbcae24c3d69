package io.github.quotemailer.identity;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpServer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    userId = Arguments.text("userId", userId, MAX_USER_ID_LENGTH);
    Arguments.present("address", address);
    displayName = Arguments.text("displayName", displayName, 200);
    username = Arguments.text("username", username, 254);
    server = server == null ? Optional.empty() : server;
    Arguments.present("password", password);
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

  /**
   * Starts new settings for {@code userId} sending as {@code address}, to be saved with their
   * password by {@link UserSettings#save(Draft, io.github.quotemailer.smtp.Secret)}, which encrypts
   * it: hosts never call the cipher themselves.
   */
  public static Draft draft(String userId, EmailAddress address, String displayName) {
    return new Draft(userId, address, displayName);
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

  /**
   * Settings before their password is encrypted: the user, address and name, plus optional login
   * name (default: the address), server (default: the company account's) and enabled flag (default:
   * enabled). Validated when saved.
   */
  public static final class Draft {
    private final String userId;
    private final EmailAddress address;
    private final String displayName;
    private @Nullable String username;
    private Optional<SmtpServer> server = Optional.empty();
    private boolean enabled = true;

    private Draft(String userId, EmailAddress address, String displayName) {
      this.userId = userId;
      this.address = address;
      this.displayName = displayName;
    }

    /** The login name, when it is not the address. */
    public Draft username(String username) {
      this.username = username;
      return this;
    }

    /** The user's own server, when it is not the company account's. */
    public Draft server(SmtpServer server) {
      this.server = Optional.of(Arguments.present("server", server));
      return this;
    }

    /** Whether an admin allows the settings to be used (default: yes). */
    public Draft enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** The host user id, validated and stripped as the settings will store it. */
    public String userId() {
      return Arguments.text("userId", userId, MAX_USER_ID_LENGTH);
    }

    /** Validated, unverified settings holding {@code password}, encrypted for {@link #userId()}. */
    public UserSmtpSettings withPassword(EncryptedSecret password) {
      Arguments.present("address", address);
      return new UserSmtpSettings(
          userId(),
          address,
          displayName,
          username == null ? address.value() : username,
          server,
          password,
          enabled,
          SettingsHealth.unverified());
    }
  }
}
