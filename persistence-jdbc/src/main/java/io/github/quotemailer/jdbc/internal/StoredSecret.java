package io.github.quotemailer.jdbc.internal;

/**
 * A user's stored, encrypted password, as key rotation reads it.
 *
 * @param userId the owner, bound into the ciphertext
 * @param encoded the {@code qm1:<keyId>:<base64>} text
 */
public record StoredSecret(String userId, String encoded) {}
