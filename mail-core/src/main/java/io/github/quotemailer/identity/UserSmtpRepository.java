package io.github.quotemailer.identity;

import io.github.quotemailer.secret.EncryptedSecret;
import java.util.List;
import java.util.Optional;

/**
 * Port: where per-user SMTP settings live, keyed by the host's user id. {@code persistence-jdbc}
 * implements it on the host's database; {@link InMemoryUserSmtpRepository} serves tests.
 */
public interface UserSmtpRepository {
  /** The settings of {@code userId}, if any. */
  Optional<UserSmtpSettings> find(String userId);

  /**
   * Inserts or replaces the settings of {@code settings.userId()}, credential included: settings of
   * an OAuth2 account read before the provider rotated its refresh token carry the older token, so
   * read them right before changing and saving them.
   */
  void save(UserSmtpSettings settings);

  /** Deletes the settings of {@code userId}; returns whether there were any. */
  boolean delete(String userId);

  /** All settings, ordered by user id. */
  List<UserSmtpSettings> list();

  /** Records a login result for {@code userId}; does nothing when the user has no settings. */
  default void updateHealth(String userId, SettingsHealth health) {
    find(userId).ifPresent(settings -> save(settings.withHealth(health)));
  }

  /**
   * Stores the rotated OAuth2 refresh token {@code next} of {@code userId}, only if the stored one
   * is still {@code previous}: a refresh on another node that stored a newer token first is not
   * overwritten with an older one. Implementations make the check and the write one atomic step
   * (the default, for stores used by one thread at a time, does not).
   *
   * @return whether the token was stored
   */
  default boolean replaceRefreshToken(
      String userId, EncryptedSecret previous, EncryptedSecret next) {
    return find(userId)
        .filter(
            s ->
                s.credential() instanceof StoredCredential.OAuth2 grant
                    && grant.refreshToken().equals(previous))
        .map(
            s -> {
              save(s.withRotatedRefreshToken(next));
              return true;
            })
        .orElse(false);
  }
}
