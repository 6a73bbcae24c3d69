package io.github.quotemailer.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.oauth2.InMemoryRefreshTokenStore;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.TokenProvider;
import io.github.quotemailer.oauth2.TokenResponse;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.MailerFixture;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The token cache's handling of rotated refresh tokens, with a token provider that rotates on every
 * use (as Microsoft does) and records which refresh token it was given.
 */
class AccessTokensTest {
  private final SecretCipher cipher = SecretCipher.create(MailerFixture.KEYS);
  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final List<String> presented = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final TokenProvider rotating =
      grant -> {
        presented.add(grant.refreshToken().reveal());
        int n = issued.incrementAndGet();
        return new TokenResponse(
            Secret.of("at-" + n), Duration.ofHours(1), Optional.of(Secret.of("rt-" + n)));
      };
  private final OAuth2Client client =
      OAuth2Client.custom(URI.create("https://login.inair.example/token"), "app", "smtp");
  private final SmtpAccount account =
      new SmtpAccount(
          SmtpServer.of("smtp.inair.example", 587, TransportSecurity.STARTTLS_REQUIRED),
          "juan@inair.example",
          OAuth2Grant.of(client, Secret.of("rt-0")));

  @Test
  void aSettingsSnapshotOlderThanThisNodesRotationNeverBringsBackTheOlderToken() throws Exception {
    UserSmtpSettings snapshot = save("rt-0");
    AccessTokens tokens = tokens();
    AccessToken first = tokens.accessToken(account, grantOf(snapshot), ownerOf(snapshot), null);

    // Another thread read the settings before the rotation and now needs a fresh token.
    tokens.accessToken(account, grantOf(snapshot), ownerOf(snapshot), first.value());

    assertThat(presented).containsExactly("rt-0", "rt-1");
    assertThat(storedToken()).isEqualTo("rt-2");
  }

  @Test
  void aTokenAnotherNodeStoredIsTakenUpAtTheNextRefresh() throws Exception {
    UserSmtpSettings snapshot = save("rt-0");
    AccessTokens tokens = tokens();
    AccessToken first = tokens.accessToken(account, grantOf(snapshot), ownerOf(snapshot), null);
    UserSmtpSettings now = users.find("juan").orElseThrow();
    users.replaceRefreshToken(
        "juan", now.credential().secret(), cipher.encrypt(Secret.of("rt-other-node"), "juan"));

    tokens.accessToken(account, grantOf(snapshot), ownerOf(snapshot), first.value());

    assertThat(presented).containsExactly("rt-0", "rt-other-node");
  }

  private AccessTokens tokens() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);
    return new AccessTokens(rotating, users, new InMemoryRefreshTokenStore(), cipher, clock);
  }

  private UserSmtpSettings save(String refreshToken) {
    UserSmtpSettings settings =
        UserSmtpSettings.draft("juan", EmailAddress.of("juan@inair.example"), "Juan")
            .withCredential(
                new StoredCredential.OAuth2(
                    client, cipher.encrypt(Secret.of(refreshToken), "juan"), Optional.empty()));
    users.save(settings);
    return settings;
  }

  private OAuth2Grant grantOf(UserSmtpSettings settings) {
    return (OAuth2Grant) StoredCredentials.open(cipher, settings);
  }

  private static Optional<TokenOwner> ownerOf(UserSmtpSettings settings) {
    return StoredCredentials.owner(settings);
  }

  private String storedToken() {
    return cipher.decrypt(users.find("juan").orElseThrow().credential().secret(), "juan").reveal();
  }
}
