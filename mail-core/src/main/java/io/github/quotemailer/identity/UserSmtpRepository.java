package io.github.quotemailer.identity;

import java.util.List;
import java.util.Optional;

/**
 * Port: where per-user SMTP settings live, keyed by the host's user id. {@code persistence-jdbc}
 * implements it on the host's database; {@link InMemoryUserSmtpRepository} serves tests.
 */
public interface UserSmtpRepository {
  /** The settings of {@code userId}, if any. */
  Optional<UserSmtpSettings> find(String userId);

  /** Inserts or replaces the settings of {@code settings.userId()}. */
  void save(UserSmtpSettings settings);

  /** Deletes the settings of {@code userId}; returns whether there were any. */
  boolean delete(String userId);

  /** All settings, ordered by user id. */
  List<UserSmtpSettings> list();

  /** Records a login result for {@code userId}; does nothing when the user has no settings. */
  default void updateHealth(String userId, SettingsHealth health) {
    find(userId).ifPresent(settings -> save(settings.withHealth(health)));
  }
}
