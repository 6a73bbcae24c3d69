package io.github.quotemailer.contract;

import static io.github.quotemailer.contract.StoreSamples.CIPHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.oauth2.RefreshTokenStore;
import io.github.quotemailer.oauth2.RefreshTokenStore.StoredRefreshToken;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.smtp.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RefreshTokenStore} promises: the first token of an account is stored once, and
 * every later one only over the token it replaces.
 */
public interface RefreshTokenStoreContract {
  /** The account key the mailer would use: 64 hexadecimal characters. */
  String ACCOUNT = "a".repeat(64);

  /** An empty refresh token store, ready to use, for one test. */
  RefreshTokenStore refreshTokenStore();

  private static StoredRefreshToken token(String origin, String value) {
    return new StoredRefreshToken(origin, CIPHER.encrypt(Secret.of(value), ACCOUNT));
  }

  @Test
  default void storesTheFirstTokenOnceAndLaterOnesOnlyOverTheTokenTheyReplace() {
    RefreshTokenStore store = refreshTokenStore();
    StoredRefreshToken first = token("o".repeat(64), "company-rt-1");
    StoredRefreshToken second = token("o".repeat(64), "company-rt-2");
    StoredRefreshToken fromAnotherNode = token("o".repeat(64), "company-rt-2b");

    assertThat(store.find(ACCOUNT)).isEmpty();
    assertThat(store.replace(ACCOUNT, Optional.empty(), first)).isTrue();
    assertThat(store.replace(ACCOUNT, Optional.empty(), fromAnotherNode))
        .as("a second first token loses")
        .isFalse();
    assertThat(store.replace(ACCOUNT, Optional.of(first.token()), second)).isTrue();
    assertThat(store.replace(ACCOUNT, Optional.of(first.token()), fromAnotherNode))
        .as("an older chain never overwrites a newer token")
        .isFalse();

    StoredRefreshToken found = store.find(ACCOUNT).orElseThrow();
    assertThat(found.origin()).isEqualTo("o".repeat(64));
    EncryptedSecret stored = found.token();
    assertThat(stored).isEqualTo(second.token());
    assertThat(CIPHER.decrypt(stored, ACCOUNT).reveal()).isEqualTo("company-rt-2");
    assertThat(store.find("b".repeat(64))).isEmpty();
  }
}
