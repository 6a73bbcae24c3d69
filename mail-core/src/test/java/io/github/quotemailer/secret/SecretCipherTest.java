package io.github.quotemailer.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.smtp.Secret;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private static final String OLD = KeyRing.generateKeySpec("2025a");
  private static final String NEW = KeyRing.generateKeySpec("2026a");

  @Test
  void roundTripsWithTheKeyIdInTheCiphertext() {
    SecretCipher cipher = SecretCipher.create(KeyRing.parse(OLD));
    EncryptedSecret sealed = cipher.encrypt(Secret.of("contraseña-ñ"), "juan");

    assertThat(sealed.keyId()).isEqualTo("2025a");
    assertThat(sealed.encoded()).startsWith("qm1:2025a:").doesNotContain("contraseña");
    assertThat(cipher.decrypt(EncryptedSecret.parse(sealed.encoded()), "juan").reveal())
        .isEqualTo("contraseña-ñ");
  }

  @Test
  void usesAFreshNonceEveryTime() {
    SecretCipher cipher = SecretCipher.create(KeyRing.parse(OLD));
    assertThat(cipher.encrypt(Secret.of("same"), "juan").encoded())
        .isNotEqualTo(cipher.encrypt(Secret.of("same"), "juan").encoded());
  }

  @Test
  void newestKeyEncryptsAndOlderKeysStillDecrypt() {
    EncryptedSecret old = SecretCipher.create(KeyRing.parse(OLD)).encrypt(Secret.of("pw"), "juan");
    SecretCipher rotated = SecretCipher.create(KeyRing.parse(OLD + "," + NEW));

    assertThat(rotated.decrypt(old, "juan").reveal()).isEqualTo("pw");
    EncryptedSecret reencrypted = rotated.reencrypt(old, "juan");
    assertThat(reencrypted.keyId()).isEqualTo("2026a");
    assertThat(rotated.decrypt(reencrypted, "juan").reveal()).isEqualTo("pw");
    assertThat(rotated.reencrypt(reencrypted, "juan")).isSameAs(reencrypted);
  }

  @Test
  void aRemovedKeyGivesAnErrorNamingIt() {
    EncryptedSecret old = SecretCipher.create(KeyRing.parse(OLD)).encrypt(Secret.of("pw"), "juan");
    SecretCipher withoutOld = SecretCipher.create(KeyRing.parse(NEW));

    assertThatThrownBy(() -> withoutOld.decrypt(old, "juan"))
        .isInstanceOfSatisfying(
            UnknownKeyException.class, e -> assertThat(e.keyId()).isEqualTo("2025a"))
        .hasMessageContaining("'2025a'");
  }

  @Test
  void aCiphertextCopiedToAnotherUserDoesNotDecrypt() {
    SecretCipher cipher = SecretCipher.create(KeyRing.parse(OLD));
    EncryptedSecret juans = cipher.encrypt(Secret.of("pw"), "juan");

    assertThatThrownBy(() -> cipher.decrypt(juans, "ana"))
        .isInstanceOf(QuoteMailerException.class)
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void otherKeyBytesUnderTheSameKeyIdDoNotDecrypt() {
    byte[] first = new byte[32];
    byte[] second = new byte[32];
    for (int i = 0; i < 32; i++) {
      first[i] = (byte) i;
      second[i] = (byte) (255 - i);
    }
    EncryptedSecret sealed =
        SecretCipher.create(KeyRing.of("same-id", first)).encrypt(Secret.of("pw"), "juan");
    SecretCipher impostor = SecretCipher.create(KeyRing.of("same-id", second));

    assertThat(sealed.keyId()).isEqualTo("same-id");
    assertThatThrownBy(() -> impostor.decrypt(sealed, "juan"))
        .isInstanceOf(QuoteMailerException.class)
        .hasMessageContaining("does not decrypt");
    assertThat(SecretCipher.create(KeyRing.of("same-id", first)).decrypt(sealed, "juan").reveal())
        .isEqualTo("pw");
  }

  @Test
  void rejectsKeysOfTheWrongSize() {
    String shortKey = "k:" + Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> KeyRing.parse(shortKey))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> KeyRing.parse("")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> KeyRing.parse("k:not base64!")).hasMessageContaining("base64");
  }

  @Test
  void neverShowsTheSecretInToString() {
    Secret secret = Secret.of("hunter2-password");
    assertThat(secret.toString()).doesNotContain("hunter2");
    EncryptedSecret sealed = SecretCipher.create(KeyRing.parse(OLD)).encrypt(secret, "juan");
    assertThat(sealed.toString()).isEqualTo("EncryptedSecret[key=2025a]");
    assertThat(KeyRing.parse(OLD).toString()).isEqualTo("KeyRing[2025a]");
  }
}
