package io.github.quotemailer.oauth2;

import io.github.quotemailer.secret.EncryptedSecret;
import java.util.Optional;

/**
 * Port: where the rotated refresh token of an OAuth2 account that has no user settings (the company
 * account) is kept, so a restart continues from the newest token rather than from the configured
 * one, which Microsoft lets expire after 90 days without use. A user's rotated token is stored in
 * their settings instead ({@link
 * io.github.quotemailer.identity.UserSmtpRepository#replaceRefreshToken}).
 *
 * <p>An {@code account} is an opaque key of at most 64 characters (the mailer uses a SHA-256, in
 * hexadecimal, of the token endpoint, client id and login), and is also the associated data the
 * stored token is encrypted with, so an implementation stores both exactly as given.
 *
 * <p>{@code persistence-jdbc} implements it on the host's database; {@link
 * InMemoryRefreshTokenStore} keeps tokens for the life of the process.
 */
public interface RefreshTokenStore {
  /** The newest token stored for {@code account}, if any. */
  Optional<StoredRefreshToken> find(String account);

  /**
   * Stores {@code next} for {@code account}, only if what is stored is still {@code previous}
   * (empty: nothing is stored yet), in one atomic step: a node holding an older token never
   * overwrites a newer one.
   *
   * @return whether it was stored
   */
  boolean replace(String account, Optional<EncryptedSecret> previous, StoredRefreshToken next);

  /**
   * A stored refresh token.
   *
   * @param origin a fingerprint of the configured refresh token this one descends from: when the
   *     configuration gets a new grant, tokens of the old one are no longer used
   * @param token the refresh token, encrypted with the account as associated data
   */
  record StoredRefreshToken(String origin, EncryptedSecret token) {
    /** Validates. */
    public StoredRefreshToken {
      io.github.quotemailer.Arguments.text("origin", origin, 64);
      io.github.quotemailer.Arguments.present("token", token);
    }
  }
}
