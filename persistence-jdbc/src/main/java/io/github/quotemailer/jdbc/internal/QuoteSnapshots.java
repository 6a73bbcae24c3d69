package io.github.quotemailer.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.quote.Quote;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The {@code qm_outbox.quote_snapshot} format: {@code {"snapshotVersion":1,"locale":…,
 * "issueDate":…,"validUntil":…,"quote":{...}}}, the quote in the README's quote JSON format. The
 * locale (as a full language tag) and the two dates sit beside it because the file format accepts
 * only the common ones (two-letter languages, years 0000-9999), while a {@link Quote} may carry
 * any; the quote inside holds placeholders for them. The version lets a later format be read beside
 * this one; a snapshot of an unknown version is refused, never guessed at.
 */
final class QuoteSnapshots {
  /** The version written; the only one read so far. */
  static final int CURRENT_VERSION = 1;

  /** What the quote inside holds instead of its own locale and dates (see the class comment). */
  private static final Locale PLACEHOLDER_LOCALE = Quote.DEFAULT_LOCALE;

  private static final LocalDate PLACEHOLDER_DATE = LocalDate.of(2000, 1, 1);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private QuoteSnapshots() {}

  /**
   * {@code quote} as a snapshot of the current version, checked to read back equal.
   *
   * @throws InvalidInputException naming "quote" when it would not read back equal, so nothing is
   *     stored that the worker could not send
   */
  static String write(Quote quote) {
    String snapshot = serialise(quote);
    Quote back;
    try {
      back = read(snapshot, "(new)");
    } catch (QuoteMailerException e) {
      throw cannotStore(quote, e.getMessage());
    }
    if (!back.equals(quote)) {
      throw cannotStore(quote, "it does not read back equal");
    }
    return snapshot;
  }

  private static String serialise(Quote quote) {
    try {
      ObjectNode snapshot = MAPPER.createObjectNode();
      snapshot.put("snapshotVersion", CURRENT_VERSION);
      snapshot.put("locale", quote.locale().toLanguageTag());
      snapshot.put("issueDate", quote.issueDate().toString());
      snapshot.put("validUntil", quote.validUntil().toString());
      snapshot.set("quote", MAPPER.readTree(QuoteJson.write(withPlaceholders(quote))));
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
    if (root == null || !root.isObject()) {
      throw unreadable(rowId, "not a JSON object");
    }
    checkVersion(root, rowId);
    JsonNode quote = root.get("quote");
    if (quote == null || !quote.isObject()) {
      throw unreadable(rowId, "no quote");
    }
    try {
      Quote placeheld = QuoteJson.read(quote.toString());
      return withActual(
          placeheld,
          Locale.forLanguageTag(text(root, "locale", rowId)),
          LocalDate.parse(text(root, "issueDate", rowId)),
          LocalDate.parse(text(root, "validUntil", rowId)));
    } catch (InvalidInputException | DateTimeParseException e) {
      throw unreadable(rowId, e.getMessage());
    }
  }

  private static void checkVersion(JsonNode root, String rowId) {
    JsonNode version = root.get("snapshotVersion");
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
  }

  private static String text(JsonNode root, String field, String rowId) {
    JsonNode value = root.get(field);
    if (value == null || !value.isTextual()) {
      throw unreadable(rowId, "no " + field);
    }
    return value.textValue();
  }

  private static Quote withPlaceholders(Quote quote) {
    return withActual(quote, PLACEHOLDER_LOCALE, PLACEHOLDER_DATE, PLACEHOLDER_DATE);
  }

  private static Quote withActual(
      Quote quote, Locale locale, LocalDate issueDate, LocalDate validUntil) {
    return new Quote(
        quote.number(),
        quote.version(),
        issueDate,
        validUntil,
        quote.currency(),
        locale,
        quote.company(),
        quote.customer(),
        quote.salesperson(),
        quote.items(),
        quote.taxRatePercent(),
        quote.notes(),
        quote.terms());
  }

  private static InvalidInputException cannotStore(Quote quote, String why) {
    return new InvalidInputException(
        "quote",
        quote.number()
            + " cannot be queued as a snapshot ("
            + why
            + "); queue it rendered with QueuedRendering.WHEN_ENQUEUED");
  }

  private static StorageException unreadable(String rowId, String problem) {
    return new StorageException(
        "outbox row " + rowId + " holds a quote snapshot that cannot be read: " + problem);
  }
}
