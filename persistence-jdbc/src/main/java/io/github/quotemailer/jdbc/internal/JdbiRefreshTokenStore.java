package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.oauth2.RefreshTokenStore;
import io.github.quotemailer.secret.EncryptedSecret;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link RefreshTokenStore} on {@code qm_oauth_refresh_token}: the first token of an account is
 * inserted (a second node inserting at the same time meets the primary key and reports that it did
 * not store), every later one replaces the row only where the stored token is still the one it
 * replaces.
 */
public final class JdbiRefreshTokenStore implements RefreshTokenStore {
  private static final int MAX_ACCOUNT_LENGTH = 64;

  private final Jdbi jdbi;
  private final Clock clock;

  /** A store on {@code jdbi}, stamping rows with {@code clock}. */
  public JdbiRefreshTokenStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Optional<StoredRefreshToken> find(String account) {
    String key = Arguments.text("account", account, MAX_ACCOUNT_LENGTH);
    return Failures.translate(
        "reading the stored refresh token of an OAuth2 account",
        () ->
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "select origin, secret from qm_oauth_refresh_token"
                                + " where account = :account")
                        .bind("account", key)
                        .map((rs, ctx) -> toToken(rs.getString("origin"), rs.getString("secret")))
                        .findOne()));
  }

  @Override
  public boolean replace(
      String account, Optional<EncryptedSecret> previous, StoredRefreshToken next) {
    String key = Arguments.text("account", account, MAX_ACCOUNT_LENGTH);
    Arguments.present("next", next);
    if (next.token().keyId().length() > JdbiUserSmtpRepository.MAX_KEY_ID_LENGTH) {
      throw new InvalidInputException("token.keyId", "is longer than the key id column");
    }
    String operation = "storing the rotated refresh token of an OAuth2 account";
    if (previous.isEmpty()) {
      return insert(key, next, operation);
    }
    return Failures.translate(
            operation,
            () ->
                jdbi.withHandle(
                    h ->
                        h.createUpdate(
                                "update qm_oauth_refresh_token set origin = :origin,"
                                    + " key_id = :keyId, secret = :secret, updated_at = :now"
                                    + " where account = :account and secret = :previous")
                            .bind("origin", next.origin())
                            .bind("keyId", next.token().keyId())
                            .bind("secret", next.token().encoded())
                            .bind("now", clock.instant())
                            .bind("account", key)
                            .bind("previous", previous.get().encoded())
                            .execute()))
        > 0;
  }

  private boolean insert(String account, StoredRefreshToken next, String operation) {
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "insert into qm_oauth_refresh_token (account, origin, key_id, secret,"
                          + " updated_at) values (:account, :origin, :keyId, :secret, :now)")
                  .bind("account", account)
                  .bind("origin", next.origin())
                  .bind("keyId", next.token().keyId())
                  .bind("secret", next.token().encoded())
                  .bind("now", clock.instant())
                  .execute());
      return true;
    } catch (RuntimeException e) {
      // The primary key refused it if another node stored the account's first token meanwhile;
      // drivers report that differently (SQLite without an SQL state), so look rather than parse.
      if (find(account).isPresent()) {
        return false;
      }
      throw Failures.failed(operation, e);
    }
  }

  private static StoredRefreshToken toToken(String origin, String secret) {
    try {
      return new StoredRefreshToken(origin, EncryptedSecret.parse(secret));
    } catch (InvalidInputException e) {
      throw new StorageException(
          "a stored OAuth2 refresh token is not valid (" + e.getMessage() + "); delete its row", e);
    }
  }
}
