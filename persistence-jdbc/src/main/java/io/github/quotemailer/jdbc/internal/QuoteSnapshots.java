package io.github.quotemailer.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.quote.Quote;

/**
 * The {@code qm_outbox.quote_snapshot} format: {@code {"snapshotVersion":1,"quote":{...}}}, the
 * quote in the README's quote JSON format. The version lets a later format be read beside this one;
 * a snapshot of an unknown version is refused, never guessed at.
 */
final class QuoteSnapshots {
  /** The version written; the only one read so far. */
  static final int CURRENT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private QuoteSnapshots() {}

  /** {@code quote} as a snapshot of the current version. */
  static String write(Quote quote) {
    try {
      ObjectNode snapshot = MAPPER.createObjectNode();
      snapshot.put("snapshotVersion", CURRENT_VERSION);
      snapshot.set("quote", MAPPER.readTree(QuoteJson.write(quote)));
      return MAPPER.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      // QuoteJson writes valid JSON; failing to parse it back would be a bug here.
      throw new IllegalStateException("cannot store quote " + quote.number() + " as JSON", e);
    }
  }

  /**
   * The quote of {@code snapshot}, read from the row {@code rowId}.
   *
   * @throws StorageException when it is not a snapshot this version can read
   */
  static Quote read(String snapshot, String rowId) {
    JsonNode root;
    try {
      root = MAPPER.readTree(snapshot);
    } catch (JsonProcessingException e) {
      throw unreadable(rowId, "not JSON: " + e.getOriginalMessage());
    }
    JsonNode version = root == null ? null : root.get("snapshotVersion");
    if (version == null || !version.isInt()) {
      throw unreadable(rowId, "no snapshotVersion");
    }
    if (version.intValue() != CURRENT_VERSION) {
      throw unreadable(
          rowId,
          "snapshotVersion "
              + version.intValue()
              + " is not one this version reads ("
              + CURRENT_VERSION
              + "); run the QuoteMailer version that queued it");
    }
    JsonNode quote = root.get("quote");
    if (quote == null || !quote.isObject()) {
      throw unreadable(rowId, "no quote");
    }
    return QuoteJson.read(quote.toString());
  }

  private static StorageException unreadable(String rowId, String problem) {
    return new StorageException(
        "outbox row " + rowId + " holds a quote snapshot that cannot be read: " + problem);
  }
}
