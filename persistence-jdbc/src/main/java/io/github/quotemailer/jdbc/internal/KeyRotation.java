package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.jdbc.KeyRotationReport;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.secret.SecretCipher;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts stored secrets with the key ring's newest key, one batch per transaction. Only rows
 * whose key id differs from the newest are selected, so a run stopped half-way (a crash, a missing
 * key) continues where it stopped when started again; committed batches stay rotated, and the
 * failing batch is rolled back as a whole.
 */
public final class KeyRotation {
  /** Largest batch: keeps one transaction's locks and memory small. */
  public static final int MAX_BATCH_SIZE = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

  private final Jdbi jdbi;
  private final Class<? extends SettingsDao> dao;
  private final Clock clock;

  /** Rotation over the settings table reached through {@code jdbi} and {@code dao}. */
  public KeyRotation(Jdbi jdbi, Class<? extends SettingsDao> dao, Clock clock) {
    this.jdbi = jdbi;
    this.dao = dao;
    this.clock = clock;
  }

  /**
   * Rotates every secret not yet on {@code cipher}'s newest key.
   *
   * @throws io.github.quotemailer.secret.UnknownKeyException when a secret's key is not in the ring
   */
  public KeyRotationReport rotate(SecretCipher cipher, int batchSize) {
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new InvalidInputException(
          "batchSize", batchSize + " must be between 1 and " + MAX_BATCH_SIZE);
    }
    String newest = cipher.keyRing().newestKeyId();
    int rotated = 0;
    int alreadyCurrent = 0;
    for (Column column : Column.values()) {
      String operation = "rotating stored SMTP " + column.description + " to key '" + newest + "'";
      alreadyCurrent +=
          Failures.translate(
              operation, () -> jdbi.withExtension(dao, d -> column.countUsing(d, newest)));
      rotated += rotateColumn(column, cipher, batchSize, operation);
    }
    LOG.info(
        "qm keyRotation done rotated={} alreadyCurrent={} newestKey={}",
        rotated,
        alreadyCurrent,
        newest);
    return new KeyRotationReport(rotated, alreadyCurrent);
  }

  private int rotateColumn(Column column, SecretCipher cipher, int batchSize, String operation) {
    String newest = cipher.keyRing().newestKeyId();
    int rotated = 0;
    String after = "";
    while (true) {
      String from = after;
      Batch batch =
          Failures.translate(
              operation,
              () ->
                  jdbi.inTransaction(
                      h -> rotateBatch(column, h.attach(dao), cipher, from, batchSize)));
      rotated += batch.rotated();
      LOG.debug(
          "qm keyRotation batch rotated={} lastUser={} newestKey={}",
          batch.rotated(),
          batch.lastUserId(),
          newest);
      if (batch.seen() < batchSize) {
        break;
      }
      after = batch.lastUserId();
    }
    return rotated;
  }

  private Batch rotateBatch(
      Column column, SettingsDao settings, SecretCipher cipher, String after, int size) {
    String newest = cipher.keyRing().newestKeyId();
    List<StoredSecret> page = column.notUsing(settings, newest, after, size);
    int rotated = 0;
    for (StoredSecret stored : page) {
      EncryptedSecret current = parse(stored);
      EncryptedSecret fresh = cipher.reencrypt(current, stored.userId());
      rotated += column.replace(settings, stored, fresh, clock.instant());
    }
    String last = page.isEmpty() ? after : page.get(page.size() - 1).userId();
    return new Batch(page.size(), rotated, last);
  }

  private static EncryptedSecret parse(StoredSecret stored) {
    try {
      return EncryptedSecret.parse(stored.encoded());
    } catch (InvalidInputException e) {
      throw new StorageException(
          "the stored SMTP password of user '"
              + stored.userId()
              + "' is malformed ("
              + e.getMessage()
              + "); set it again",
          e);
    }
  }

  private record Batch(int seen, int rotated, String lastUserId) {}

  /** The encrypted columns of the settings table: passwords and refresh tokens, client secrets. */
  private enum Column {
    SECRET("passwords and refresh tokens"),
    CLIENT_SECRET("OAuth2 client secrets"),
    ACCOUNT_TOKEN("refresh tokens of accounts without settings");

    final String description;

    Column(String description) {
      this.description = description;
    }

    int countUsing(SettingsDao d, String keyId) {
      return switch (this) {
        case SECRET -> d.countUsingKey(keyId);
        case CLIENT_SECRET -> d.countClientSecretsUsingKey(keyId);
        case ACCOUNT_TOKEN -> d.countAccountTokensUsingKey(keyId);
      };
    }

    List<StoredSecret> notUsing(SettingsDao d, String keyId, String after, int size) {
      return switch (this) {
        case SECRET -> d.secretsNotUsingKey(keyId, after, size);
        case CLIENT_SECRET -> d.clientSecretsNotUsingKey(keyId, after, size);
        case ACCOUNT_TOKEN -> d.accountTokensNotUsingKey(keyId, after, size);
      };
    }

    int replace(SettingsDao d, StoredSecret stored, EncryptedSecret fresh, java.time.Instant now) {
      String id = stored.userId();
      String was = stored.encoded();
      return switch (this) {
        case SECRET -> d.replaceSecret(id, was, fresh.keyId(), fresh.encoded(), now);
        case CLIENT_SECRET -> d.replaceClientSecret(id, was, fresh.keyId(), fresh.encoded(), now);
        case ACCOUNT_TOKEN -> d.replaceAccountToken(id, was, fresh.keyId(), fresh.encoded(), now);
      };
    }
  }
}
