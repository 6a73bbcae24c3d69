package io.github.quotemailer.secret;

import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.smtp.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets at rest with AES-256-GCM: a random 96-bit nonce per encryption, the key id in
 * the output, and associated data (the owner's user id) bound into the tag so a ciphertext copied
 * to another user's row does not decrypt.
 */
public final class SecretCipher {
  /** GCM's recommended nonce length: 96 bits. */
  public static final int NONCE_BYTES = 12;

  private static final int TAG_BITS = 128;

  private final KeyRing ring;
  private final SecureRandom random;

  private SecretCipher(KeyRing ring, SecureRandom random) {
    this.ring = ring;
    this.random = random;
  }

  /** A cipher over {@code ring} with a strong random source for nonces. */
  public static SecretCipher create(KeyRing ring) {
    return new SecretCipher(ring, new SecureRandom());
  }

  /** The ring in use. */
  public KeyRing keyRing() {
    return ring;
  }

  /** Encrypts {@code secret} with the newest key, bound to {@code owner} (e.g. the user id). */
  public EncryptedSecret encrypt(Secret secret, String owner) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    String keyId = ring.newestKeyId();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, ring.newestKey(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(keyId, owner));
      byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
      return new EncryptedSecret(
          keyId, ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new QuoteMailerException(
          "could not encrypt the secret: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Decrypts {@code encrypted} for {@code owner}.
   *
   * @throws UnknownKeyException when the key id is not in the ring
   */
  public Secret decrypt(EncryptedSecret encrypted, String owner) {
    SecretKey key =
        ring.key(encrypted.keyId())
            .orElseThrow(() -> new UnknownKeyException(encrypted.keyId(), ring.keyIds()));
    byte[] payload = encrypted.payload();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData(encrypted.keyId(), owner));
      byte[] clear = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
      return Secret.of(new String(clear, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      throw new QuoteMailerException(
          "stored secret for '"
              + owner
              + "' does not decrypt with key '"
              + encrypted.keyId()
              + "': it was altered, belongs to another user, or the key bytes changed",
          e);
    } catch (GeneralSecurityException e) {
      throw new QuoteMailerException(
          "could not decrypt the secret: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Re-encrypts with the newest key; returns the input when it already uses that key. */
  public EncryptedSecret reencrypt(EncryptedSecret encrypted, String owner) {
    if (encrypted.keyId().equals(ring.newestKeyId())) {
      return encrypted;
    }
    return encrypt(decrypt(encrypted, owner), owner);
  }

  private static byte[] associatedData(String keyId, String owner) {
    return ("qm1:" + keyId + ":" + owner).getBytes(StandardCharsets.UTF_8);
  }
}
