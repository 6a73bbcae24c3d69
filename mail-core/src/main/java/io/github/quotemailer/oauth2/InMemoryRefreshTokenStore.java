package io.github.quotemailer.oauth2;

import io.github.quotemailer.secret.EncryptedSecret;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link RefreshTokenStore} in memory: tokens last as long as the process. */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private final ConcurrentHashMap<String, StoredRefreshToken> tokens = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredRefreshToken> find(String account) {
    return Optional.ofNullable(tokens.get(account));
  }

  @Override
  public boolean replace(
      String account, Optional<EncryptedSecret> previous, StoredRefreshToken next) {
    if (previous.isEmpty()) {
      return tokens.putIfAbsent(account, next) == null;
    }
    boolean[] replaced = {false};
    tokens.computeIfPresent(
        account,
        (key, current) -> {
          replaced[0] = current.token().equals(previous.get());
          return replaced[0] ? next : current;
        });
    return replaced[0];
  }
}
