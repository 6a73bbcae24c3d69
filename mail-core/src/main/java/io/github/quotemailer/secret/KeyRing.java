package io.github.quotemailer.secret;

import io.github.quotemailer.InvalidInputException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that protect stored secrets, each with an id. The newest key encrypts; every key
 * in the ring can decrypt, so keys can rotate without a flag day. Keys come from the host (or an
 * environment variable), never from the database.
 */
public final class KeyRing {
  /** Environment variable read by {@link #fromEnvironment()}: {@code id:base64key,...}. */
  public static final String ENVIRONMENT_VARIABLE = "QUOTEMAILER_SECRET_KEYS";

  /** AES-256: 32 key bytes. */
  public static final int KEY_BYTES = 32;

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Map<String, SecretKey> keys;
  private final String newestId;

  private KeyRing(Map<String, SecretKey> keys, String newestId) {
    this.keys = keys;
    this.newestId = newestId;
  }

  /**
   * Parses {@code id:base64key} entries separated by commas, oldest first and newest last (e.g.
   * {@code 2025a:3q2+7w...,2026a:Zm9v...}).
   */
  public static KeyRing parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new InvalidInputException(
          "secret.keys", "no key given; generate one with KeyRing.generateKeySpec(\"k1\")");
    }
    Builder builder = new Builder();
    for (String entry : spec.split(",")) {
      String trimmed = entry.strip();
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new InvalidInputException("secret.keys", "each entry must be id:base64key");
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "secret.keys", "key '" + trimmed.substring(0, colon) + "' is not valid base64");
      }
      builder.add(trimmed.substring(0, colon), key);
    }
    return builder.build();
  }

  /** Reads the ring from {@value #ENVIRONMENT_VARIABLE}. */
  public static KeyRing fromEnvironment() {
    return fromEnvironment(ENVIRONMENT_VARIABLE);
  }

  /** Reads the ring from the environment variable {@code name}. */
  public static KeyRing fromEnvironment(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(
          name, "environment variable is not set; it must hold id:base64key entries");
    }
    return parse(value);
  }

  /** A ring with one key. */
  public static KeyRing of(String id, byte[] key) {
    return new Builder().add(id, key).build();
  }

  /** Starts an empty builder; add keys oldest first. */
  public static Builder builder() {
    return new Builder();
  }

  /** A fresh random key in the {@code id:base64key} form, for set-up scripts and docs. */
  public static String generateKeySpec(String id) {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return id + ":" + Base64.getEncoder().encodeToString(key);
  }

  /** The id of the key that encrypts new secrets. */
  public String newestKeyId() {
    return newestId;
  }

  /** All key ids, oldest first. */
  public List<String> keyIds() {
    return new ArrayList<>(keys.keySet());
  }

  /** The key with {@code id}, if the ring has it. */
  Optional<SecretKey> key(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  SecretKey newestKey() {
    return keys.get(newestId);
  }

  @Override
  public String toString() {
    return "KeyRing" + keys.keySet();
  }

  /** Collects keys, oldest first. */
  public static final class Builder {
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private String newest;

    private Builder() {}

    /** Adds a key; the last one added encrypts. */
    public Builder add(String id, byte[] key) {
      if (id == null || !KEY_ID.matcher(id).matches()) {
        throw new InvalidInputException(
            "secret.keys", "key id must be 1-32 letters, digits, '-' or '_'");
      }
      if (key == null || key.length != KEY_BYTES) {
        throw new InvalidInputException(
            "secret.keys",
            "key '" + id + "' must be " + KEY_BYTES + " bytes (AES-256), base64-encoded");
      }
      if (keys.containsKey(id)) {
        throw new InvalidInputException("secret.keys", "key id '" + id + "' appears twice");
      }
      keys.put(id, new SecretKeySpec(key.clone(), "AES"));
      newest = id;
      return this;
    }

    /** Builds the ring; it must hold at least one key. */
    public KeyRing build() {
      if (keys.isEmpty()) {
        throw new InvalidInputException("secret.keys", "the key ring is empty");
      }
      return new KeyRing(new LinkedHashMap<>(keys), newest);
    }
  }
}
