package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.MailerFixture;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code mailer.userSettings().save(draft, password)} encrypts for the right user by itself. */
class UserSettingsTest {
  private static final SmtpServer SERVER =
      SmtpServer.of("smtp.inair.example", 587, TransportSecurity.STARTTLS_REQUIRED);
  private final InMemoryUserSmtpRepository repository = new InMemoryUserSmtpRepository();
  private final QuoteMailer mailer =
      MailerFixture.mailer(
              MailerFixture.company(SERVER),
              repository,
              new InMemoryDeliveryLog(),
              new DeliveryListener() {})
          .build();
  private final SecretCipher cipher = SecretCipher.create(MailerFixture.KEYS);

  @AfterEach
  void close() {
    mailer.close();
  }

  @Test
  void savesUnverifiedSettingsWithThePasswordEncryptedForTheStoredUserId() {
    UserSmtpSettings saved =
        mailer
            .userSettings()
            .save(
                UserSmtpSettings.draft(
                        "  juan ", EmailAddress.of("juan@inair.example"), "Juan Pérez")
                    .username("jperez")
                    .server(SERVER),
                Secret.of("juan-Pass-2025"));

    UserSmtpSettings stored = repository.find("juan").orElseThrow();
    assertThat(stored).isEqualTo(saved);
    assertThat(stored.userId()).isEqualTo("juan");
    assertThat(stored.username()).isEqualTo("jperez");
    assertThat(stored.server()).contains(SERVER);
    assertThat(stored.enabled()).isTrue();
    assertThat(stored.health().status()).isEqualTo(SettingsHealth.Status.UNVERIFIED);
    assertThat(cipher.decrypt(stored.credential().secret(), "juan").reveal())
        .isEqualTo("juan-Pass-2025");
    assertThat(stored.credential().secret().encoded()).doesNotContain("juan-Pass-2025");
  }

  @Test
  void theLoginDefaultsToTheAddressAndTheServerToTheCompanys() {
    mailer
        .userSettings()
        .save(
            UserSmtpSettings.draft("ana", EmailAddress.of("ana@inair.example"), "Ana")
                .enabled(false),
            Secret.of("ana-Pass-2025"));

    UserSmtpSettings stored = repository.find("ana").orElseThrow();
    assertThat(stored.username()).isEqualTo("ana@inair.example");
    assertThat(stored.server()).isEmpty();
    assertThat(stored.enabled()).isFalse();
  }

  @Test
  void anInvalidFieldSavesNothing() {
    assertThatThrownBy(
            () ->
                mailer
                    .userSettings()
                    .save(
                        UserSmtpSettings.draft(
                            "juan", EmailAddress.of("juan@inair.example"), "Juan\r\nBcc: x@y.z"),
                        Secret.of("juan-Pass-2025")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("displayName:");
    assertThatThrownBy(
            () ->
                mailer
                    .userSettings()
                    .save(
                        UserSmtpSettings.draft("", EmailAddress.of("juan@inair.example"), "Juan"),
                        Secret.of("juan-Pass-2025")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("userId:");

    assertThat(repository.list()).isEmpty();
  }

  @Test
  void changingThePasswordKeepsTheRestAndMakesTheSettingsUnverified() {
    mailer
        .userSettings()
        .save(
            UserSmtpSettings.draft("juan", EmailAddress.of("juan@inair.example"), "Juan Pérez"),
            Secret.of("old-Pass-2025"));
    repository.updateHealth("juan", SettingsHealth.rejected(Instant.EPOCH, "535 5.7.8 no"));

    UserSmtpSettings changed = mailer.userSettings().changePassword("juan", Secret.of("new-Pass"));

    assertThat(changed.displayName()).isEqualTo("Juan Pérez");
    assertThat(changed.health().status()).isEqualTo(SettingsHealth.Status.UNVERIFIED);
    assertThat(
            cipher
                .decrypt(repository.find("juan").orElseThrow().credential().secret(), "juan")
                .reveal())
        .isEqualTo("new-Pass");
    assertThatThrownBy(() -> mailer.userSettings().changePassword("nadie", Secret.of("x-Pass")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'nadie' has no SMTP settings");
  }
}
