package io.github.quotemailer.identity;

import io.github.quotemailer.secret.EncryptedSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A thread-safe {@link UserSmtpRepository} in memory, for tests and hosts without a database. */
public final class InMemoryUserSmtpRepository implements UserSmtpRepository {
  private final ConcurrentSkipListMap<String, UserSmtpSettings> settings =
      new ConcurrentSkipListMap<>();

  @Override
  public Optional<UserSmtpSettings> find(String userId) {
    return Optional.ofNullable(settings.get(userId));
  }

  @Override
  public void save(UserSmtpSettings value) {
    settings.put(value.userId(), value);
  }

  @Override
  public boolean delete(String userId) {
    return settings.remove(userId) != null;
  }

  @Override
  public List<UserSmtpSettings> list() {
    return new ArrayList<>(settings.values());
  }

  @Override
  public boolean replaceRefreshToken(
      String userId, EncryptedSecret previous, EncryptedSecret next) {
    boolean[] replaced = {false};
    settings.computeIfPresent(
        userId,
        (id, current) -> {
          if (current.credential() instanceof StoredCredential.OAuth2 grant
              && grant.refreshToken().equals(previous)) {
            replaced[0] = true;
            return current.withRotatedRefreshToken(next);
          }
          return current;
        });
    return replaced[0];
  }

  @Override
  public void updateHealth(String userId, SettingsHealth health) {
    settings.computeIfPresent(userId, (id, current) -> current.withHealth(health));
  }
}
