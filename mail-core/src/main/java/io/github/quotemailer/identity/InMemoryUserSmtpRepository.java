package io.github.quotemailer.identity;

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
  public void updateHealth(String userId, SettingsHealth health) {
    settings.computeIfPresent(userId, (id, current) -> current.withHealth(health));
  }
}
