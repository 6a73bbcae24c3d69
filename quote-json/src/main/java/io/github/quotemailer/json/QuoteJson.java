package io.github.quotemailer.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.quote.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes quotes in the JSON format of the README ("Quote JSON"): amounts as strings,
 * dates as {@code YYYY-MM-DD}, the locale as a language tag. {@link #write} then {@link #read}
 * gives back an equal {@link Quote} when the quote's locale and dates are ones the format accepts
 * (a known language, optionally with a region, without variants or extensions; years 0000-9999);
 * {@link #read} refuses the others.
 *
 * <p>Every problem, from a missing brace to a price with three decimals, is an {@link
 * InvalidInputException} naming the field ({@code items[2].unitPrice}; {@code quote} for the file
 * as a whole), never a Jackson exception. Unknown fields are rejected, so a misspelt {@code
 * discountPercent} cannot silently drop a discount.
 */
public final class QuoteJson {
  /**
   * Longest quote file read, in bytes or characters: a quote of a thousand long lines is about 2
   * MB, and a hostile file cannot make the reader parse more than this.
   */
  public static final long MAX_DOCUMENT_LENGTH = 8L * 1024 * 1024;

  /**
   * Deepest nesting read: the format needs three levels (quote, items, line); anything deeper is
   * refused before it can exhaust the stack.
   */
  public static final int MAX_NESTING_DEPTH = 16;

  /** Longest field name read: the format's longest is 15 characters. */
  public static final int MAX_NAME_LENGTH = 64;

  private static final int MAX_REPORTED_PROBLEM = 200;

  private static final JsonMapper MAPPER = mapper();
  private static final ObjectReader READER = MAPPER.reader();
  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private QuoteJson() {}

  private static void required(@Nullable Object argument) {
    if (argument == null) {
      throw new InvalidInputException("quote", "is required");
    }
  }

  /** Reads a quote from {@code json}. */
  public static Quote read(String json) {
    required(json);
    // A leading byte order mark is accepted here as it is from a stream.
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    return toQuote(tree(() -> READER.readTree(text)));
  }

  /**
   * Reads a quote from {@code in}, UTF-8 (or UTF-16/32 with a byte order mark); does not close it.
   */
  public static Quote read(InputStream in) {
    required(in);
    return toQuote(tree(() -> READER.readTree(in)));
  }

  /** Reads the quote file {@code file}. */
  public static Quote read(Path file) {
    required(file);
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (NoSuchFileException e) {
      throw cannotRead(e, file + " does not exist");
    } catch (IOException e) {
      throw cannotRead(e, "cannot read " + file + ": " + e.getMessage());
    }
  }

  /**
   * Writes {@code quote} in the documented format, two-space indented, ending with a newline.
   * Optional fields that are absent, a zero discount and {@code taxExempt: false} are left out.
   */
  public static String write(Quote quote) {
    required(quote);
    try {
      return WRITER.writeValueAsString(QuoteWriter.toJson(quote)) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of strings, numbers and booleans always serialises; this would be a bug here.
      throw new IllegalStateException("cannot write quote " + quote.number() + " as JSON", e);
    }
  }

  private static JsonNode tree(JsonSource source) {
    try {
      return source.read();
    } catch (JacksonException e) {
      throw notJson(e.getOriginalMessage(), e.getLocation(), e);
    } catch (NumberFormatException | ArithmeticException e) {
      // Jackson lets these through for a literal such as 1e99999999999 (exponent past int).
      throw notJson(e.getMessage(), null, e);
    } catch (IOException e) {
      throw cannotRead(e, "cannot be read: " + e.getMessage());
    }
  }

  private static Quote toQuote(@Nullable JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidInputException("quote", "must be a JSON object");
    }
    return QuoteReader.toQuote(root);
  }

  private static InvalidInputException notJson(
      @Nullable String message, @Nullable JsonLocation where, Exception cause) {
    String problem = message == null ? "" : message.replaceAll("\\s+", " ").strip();
    if (problem.length() > MAX_REPORTED_PROBLEM) {
      problem = problem.substring(0, MAX_REPORTED_PROBLEM) + "…";
    }
    String at =
        where == null || where.getLineNr() < 1
            ? ""
            : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    InvalidInputException invalid =
        new InvalidInputException("quote", "is not valid JSON" + at + ": " + problem);
    invalid.initCause(cause);
    return invalid;
  }

  private static InvalidInputException cannotRead(IOException e, String problem) {
    InvalidInputException invalid = new InvalidInputException("quote", problem);
    invalid.initCause(e);
    return invalid;
  }

  /** Jackson's parse of the whole input, which may fail in the ways {@link #tree} translates. */
  @FunctionalInterface
  private interface JsonSource {
    @Nullable JsonNode read() throws IOException;
  }

  private static JsonMapper mapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            // {"number": "A", "number": "B"} is an error, not "the last one wins".
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    return JsonMapper.builder(factory)
        // A JSON number such as 12.5 stays an exact BigDecimal, never a double.
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    // The sample's layout: "key": value, two spaces, one array entry per line.
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
