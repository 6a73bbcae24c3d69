package io.github.quotemailer.contract;

import static io.github.quotemailer.contract.StoreSamples.CIPHER;
import static io.github.quotemailer.contract.StoreSamples.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.OAuth2Provider;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserSmtpRepository} promises, whatever keeps the settings: the in-memory store
 * and the JDBC store on each database run these same tests.
 */
public interface UserSmtpRepositoryContract {
  /** An empty settings store, ready to use, for one test. */
  UserSmtpRepository settingsStore();

  @Test
  default void savesFindsListsInUserIdOrderAndDeletesSettings() {
    UserSmtpRepository repository = settingsStore();
    UserSmtpSettings juan =
        new UserSmtpSettings(
            "juan",
            EmailAddress.of("juan@inair.example"),
            "Juan Pérez",
            "juan.login@inair.example",
            Optional.of(
                SmtpServer.of("smtpout.secureserver.net", 465, TransportSecurity.IMPLICIT_TLS)),
            new io.github.quotemailer.identity.StoredCredential.Password(
                CIPHER.encrypt(Secret.of("Plain-Juan-Pw-" + "x".repeat(280)), "juan")),
            java.util.Optional.empty(),
            true,
            SettingsHealth.verified(Instant.parse("2025-12-01T08:30:15.123456Z"), "235 2.7.0 ok"));
    UserSmtpSettings ana =
        UserSmtpSettings.of(
                "ana",
                EmailAddress.of("ana@inair.example"),
                "Ana",
                CIPHER.encrypt(Secret.of("Plain-Ana-Pw"), "ana"))
            .withEnabled(false);

    repository.save(juan);
    repository.save(ana);

    assertThat(repository.find("juan")).contains(juan);
    assertThat(repository.find("ana")).contains(ana);
    assertThat(repository.find("nobody")).isEmpty();
    assertThat(repository.list()).containsExactly(ana, juan);
    UserSmtpSettings found = repository.find("juan").orElseThrow();
    assertThat(CIPHER.decrypt(found.credential().secret(), "juan").reveal())
        .isEqualTo("Plain-Juan-Pw-" + "x".repeat(280));
    assertThat(found.server().orElseThrow().readTimeout())
        .isEqualTo(SmtpServer.DEFAULT_READ_TIMEOUT);

    assertThat(repository.delete("juan")).isTrue();
    assertThat(repository.delete("juan")).isFalse();
    assertThat(repository.find("juan")).isEmpty();
    assertThat(repository.list()).containsExactly(ana);
  }

  @Test
  default void savingAnExistingUserIdReplacesItsSettings() {
    UserSmtpRepository repository = settingsStore();
    UserSmtpSettings first = settings("juan", "juan@inair.example", "Plain-Juan-Old");
    UserSmtpSettings second =
        settings("juan", "juan.perez@inair.example", "Plain-Juan-New")
            .withServer(
                SmtpServer.of("smtp.inair.example", 587, TransportSecurity.STARTTLS_REQUIRED));

    repository.save(first);
    repository.save(second);

    assertThat(repository.list()).containsExactly(second);
    assertThat(
            CIPHER
                .decrypt(repository.find("juan").orElseThrow().credential().secret(), "juan")
                .reveal())
        .isEqualTo("Plain-Juan-New");
  }

  @Test
  default void keepsTheConnectReadAndWriteTimeoutsOfAUsersServer() {
    UserSmtpRepository repository = settingsStore();
    SmtpServer slow =
        SmtpServer.builder("smtp.inair.example", 587, TransportSecurity.STARTTLS_REQUIRED)
            .connectTimeout(Duration.ofSeconds(3))
            .readTimeout(Duration.ofMillis(90_500))
            .writeTimeout(Duration.ofMinutes(2))
            .build();
    UserSmtpSettings juan =
        settings("juan", "juan@inair.example", "Plain-Juan-Pw").withServer(slow);

    repository.save(juan);

    assertThat(repository.find("juan")).contains(juan);
    assertThat(repository.list()).containsExactly(juan);
    SmtpServer found = repository.find("juan").orElseThrow().server().orElseThrow();
    assertThat(found.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(found.readTimeout()).isEqualTo(Duration.ofMillis(90_500));
    assertThat(found.writeTimeout()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  default void updateHealthRecordsTheLoginResultAndKeepsEverythingElse() {
    UserSmtpRepository repository = settingsStore();
    UserSmtpSettings juan = settings("juan", "juan@inair.example", "Plain-Juan-Pw");
    repository.save(juan);
    Instant at = Instant.parse("2025-12-09T11:00:00.5Z");

    repository.updateHealth("juan", SettingsHealth.rejected(at, "535 5.7.8 bad credentials"));
    repository.updateHealth("nobody", SettingsHealth.rejected(at, "535"));

    UserSmtpSettings found = repository.find("juan").orElseThrow();
    assertThat(found.health().status()).isEqualTo(SettingsHealth.Status.REJECTED);
    assertThat(found.health().checkedAt()).contains(at);
    assertThat(found.health().serverReply()).contains("535 5.7.8 bad credentials");
    assertThat(found.withHealth(SettingsHealth.unverified())).isEqualTo(juan);
    assertThat(repository.find("nobody")).as("a health update creates no settings").isEmpty();
    assertThat(repository.list()).containsExactly(found);

    repository.updateHealth("juan", SettingsHealth.unverified());
    assertThat(repository.find("juan").orElseThrow()).isEqualTo(juan);
  }

  /** Settings of {@code userId} that log in with an OAuth2 grant of a confidential client. */
  static UserSmtpSettings oauth2Settings(String userId, String refreshToken) {
    OAuth2Client client =
        OAuth2Client.microsoft("inair.example", "11111111-2222-3333-4444-555555555555");
    StoredCredential.OAuth2 grant =
        new StoredCredential.OAuth2(
            client,
            CIPHER.encrypt(Secret.of(refreshToken), userId),
            Optional.of(CIPHER.encrypt(Secret.of("client-Secret-1"), userId)));
    return UserSmtpSettings.draft(userId, EmailAddress.of(userId + "@inair.example"), "Juan")
        .server(OAuth2Provider.MICROSOFT.smtpServer().orElseThrow())
        .sendingLimit(SendingLimit.parse("limit", "5/24h"))
        .withCredential(grant);
  }

  @Test
  default void anOAuth2GrantAndASendingLimitReadBackAsSaved() {
    UserSmtpRepository repository = settingsStore();
    UserSmtpSettings juan = oauth2Settings("juan", "refresh-Token-1");

    repository.save(juan);

    UserSmtpSettings found = repository.find("juan").orElseThrow();
    assertThat(found).isEqualTo(juan);
    assertThat(found.usesOAuth2()).isTrue();
    assertThat(found.credential().kind()).isEqualTo("OAuth2 (MICROSOFT)");
    assertThat(found.sendingLimit()).contains(SendingLimit.of(5, Duration.ofHours(24)));
    StoredCredential.OAuth2 grant = (StoredCredential.OAuth2) found.credential();
    assertThat(CIPHER.decrypt(grant.refreshToken(), "juan").reveal()).isEqualTo("refresh-Token-1");
    assertThat(CIPHER.decrypt(grant.clientSecret().orElseThrow(), "juan").reveal())
        .isEqualTo("client-Secret-1");
    assertThat(grant.client().tokenEndpoint())
        .hasToString("https://login.microsoftonline.com/inair.example/oauth2/v2.0/token");
  }

  @Test
  default void aRotatedRefreshTokenIsStoredOnlyOverTheTokenItReplaces() {
    UserSmtpRepository repository = settingsStore();
    UserSmtpSettings juan = oauth2Settings("juan", "refresh-Token-1");
    repository.save(juan);
    EncryptedSecret first = juan.credential().secret();
    EncryptedSecret second = CIPHER.encrypt(Secret.of("refresh-Token-2"), "juan");
    EncryptedSecret olderFromAnotherNode = CIPHER.encrypt(Secret.of("refresh-Token-2b"), "juan");

    assertThat(repository.replaceRefreshToken("juan", first, second)).isTrue();
    assertThat(repository.replaceRefreshToken("juan", first, olderFromAnotherNode))
        .as("a node still holding the first token must not overwrite the newer one")
        .isFalse();

    UserSmtpSettings found = repository.find("juan").orElseThrow();
    assertThat(found.credential().secret()).isEqualTo(second);
    assertThat(found.health()).isEqualTo(juan.health());
    assertThat(found.withRotatedRefreshToken(first)).isEqualTo(juan);
    assertThat(repository.replaceRefreshToken("nobody", first, second)).isFalse();
    repository.save(settings("ana", "ana@inair.example", "Plain-Ana-Pw"));
    EncryptedSecret anaPassword = repository.find("ana").orElseThrow().credential().secret();
    assertThat(repository.replaceRefreshToken("ana", anaPassword, second))
        .as("a password is not a refresh token")
        .isFalse();
  }
}
