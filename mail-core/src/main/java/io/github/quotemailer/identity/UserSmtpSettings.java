package io.github.quotemailer.identity;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpServer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A host user's own SMTP account. Its credential (a password or an OAuth2 grant) is held encrypted;
 * only the resolver decrypts it, at send time.
 *
 * @param userId the host's user id
 * @param address the mailbox address used as {@code From}
 * @param displayName the name shown with it
 * @param username the login name
 * @param server the user's server; empty means the company account's server
 * @param credential the encrypted password or OAuth2 grant
 * @param sendingLimit this account's own sending limit; empty means the mailer's default for its
 *     server's host, if any
 * @param enabled whether an admin allows these settings to be used
 * @param health what the last login showed
 */
public record UserSmtpSettings(
    String userId,
    EmailAddress address,
    String displayName,
    String username,
    Optional<SmtpServer> server,
    StoredCredential credential,
    Optional<SendingLimit> sendingLimit,
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
    Arguments.present("credential", credential);
    sendingLimit = sendingLimit == null ? Optional.empty() : sendingLimit;
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
        new StoredCredential.Password(password),
        Optional.empty(),
        true,
        SettingsHealth.unverified());
  }

  /**
   * Starts new settings for {@code userId} sending as {@code address}, to be saved with their
   * password by {@link UserSettings#save(Draft, io.github.quotemailer.smtp.Secret)} or with an
   * OAuth2 grant by {@link UserSettings#saveOAuth2}, which encrypt it: hosts never call the cipher
   * themselves.
   */
  public static Draft draft(String userId, EmailAddress address, String displayName) {
    return new Draft(userId, address, displayName);
  }

  /** Whether the account logs in with an OAuth2 grant. */
  public boolean usesOAuth2() {
    return credential instanceof StoredCredential.OAuth2;
  }

  /** A copy with {@code health}. */
  public UserSmtpSettings withHealth(SettingsHealth health) {
    return copy(server, username, credential, sendingLimit, enabled, health);
  }

  /**
   * A copy on {@code server}, unverified again: the stored credential must prove itself there
   * before it is trusted.
   */
  public UserSmtpSettings withServer(SmtpServer server) {
    return copy(
        Optional.of(server),
        username,
        credential,
        sendingLimit,
        enabled,
        SettingsHealth.unverified());
  }

  /** A copy with the login name {@code username}, unverified again. */
  public UserSmtpSettings withUsername(String username) {
    return copy(server, username, credential, sendingLimit, enabled, SettingsHealth.unverified());
  }

  /** A copy enabled or disabled. */
  public UserSmtpSettings withEnabled(boolean enabled) {
    return copy(server, username, credential, sendingLimit, enabled, health);
  }

  /** A copy with its own sending limit, or none (empty: the default for its server). */
  public UserSmtpSettings withSendingLimit(Optional<SendingLimit> sendingLimit) {
    return copy(server, username, credential, sendingLimit, enabled, health);
  }

  /** A copy with a new encrypted password; the health goes back to unverified. */
  public UserSmtpSettings withPassword(EncryptedSecret password) {
    return withCredential(new StoredCredential.Password(password));
  }

  /**
   * A copy of OAuth2 settings holding the provider's rotated refresh token {@code refreshToken};
   * the health stays as it is, since the grant is the same.
   *
   * @throws io.github.quotemailer.InvalidInputException when the settings use a password
   */
  public UserSmtpSettings withRotatedRefreshToken(EncryptedSecret refreshToken) {
    if (!(credential instanceof StoredCredential.OAuth2 grant)) {
      throw new io.github.quotemailer.InvalidInputException(
          "credential", "user '" + userId + "' logs in with a password, not an OAuth2 grant");
    }
    return copy(
        server, username, grant.withRefreshToken(refreshToken), sendingLimit, enabled, health);
  }

  /** A copy with a new credential; the health goes back to unverified. */
  public UserSmtpSettings withCredential(StoredCredential credential) {
    return copy(server, username, credential, sendingLimit, enabled, SettingsHealth.unverified());
  }

  private UserSmtpSettings copy(
      Optional<SmtpServer> server,
      String username,
      StoredCredential credential,
      Optional<SendingLimit> sendingLimit,
      boolean enabled,
      SettingsHealth health) {
    return new UserSmtpSettings(
        userId, address, displayName, username, server, credential, sendingLimit, enabled, health);
  }

  /**
   * Settings before their credential is encrypted: the user, address and name, plus optional login
   * name (default: the address), server (default: the company account's), sending limit (default:
   * the mailer's for the server's host) and enabled flag (default: enabled). Validated when saved.
   */
  public static final class Draft {
    private final String userId;
    private final EmailAddress address;
    private final String displayName;
    private @Nullable String username;
    private Optional<SmtpServer> server = Optional.empty();
    private Optional<SendingLimit> sendingLimit = Optional.empty();
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

    /** This account's own sending limit, when it differs from the default for its server. */
    public Draft sendingLimit(SendingLimit limit) {
      this.sendingLimit = Optional.of(Arguments.present("sendingLimit", limit));
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
      return withCredential(new StoredCredential.Password(password));
    }

    /**
     * Validated, unverified settings holding {@code credential}, encrypted for {@link #userId()}.
     */
    public UserSmtpSettings withCredential(StoredCredential credential) {
      Arguments.present("address", address);
      return new UserSmtpSettings(
          userId(),
          address,
          displayName,
          username == null ? address.value() : username,
          server,
          credential,
          sendingLimit,
          enabled,
          SettingsHealth.unverified());
    }
  }
}
