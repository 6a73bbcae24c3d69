package io.github.quotemailer.secret;

import io.github.quotemailer.InvalidInputException;
import java.util.Base64;

/**
 * A secret as stored: the id of the key that encrypted it and the AES-GCM output (nonce, ciphertext
 * and tag). Its text form, {@code qm1:<keyId>:<base64>}, carries the key id so any key of the ring
 * can be picked to decrypt it.
 *
 * @param keyId the id of the encrypting key
 * @param payload 12-byte nonce followed by ciphertext and 16-byte tag
 */
public record EncryptedSecret(String keyId, byte[] payload) {
  private static final String PREFIX = "qm1";

  /** Validates both parts. */
  public EncryptedSecret {
    if (keyId == null || keyId.isBlank() || keyId.contains(":")) {
      throw new InvalidInputException("secret.keyId", "is missing or malformed");
    }
    if (payload == null || payload.length < SecretCipher.NONCE_BYTES + 16) {
      throw new InvalidInputException("secret", "ciphertext is too short to be AES-GCM output");
    }
    payload = payload.clone();
  }

  /** Parses the text form written by {@link #encoded()}. */
  public static EncryptedSecret parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(PREFIX)) {
      throw new InvalidInputException("secret", "is not in the qm1:<keyId>:<base64> form");
    }
    try {
      return new EncryptedSecret(parts[1], Base64.getDecoder().decode(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("secret", "ciphertext is not valid base64");
    }
  }

  /** The text form {@code qm1:<keyId>:<base64>}, safe to store. */
  public String encoded() {
    return PREFIX + ":" + keyId + ":" + Base64.getEncoder().encodeToString(payload);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncryptedSecret e
        && e.keyId.equals(keyId)
        && java.util.Arrays.equals(e.payload, payload);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode() * 31 + java.util.Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "EncryptedSecret[key=" + keyId + "]";
  }
}
