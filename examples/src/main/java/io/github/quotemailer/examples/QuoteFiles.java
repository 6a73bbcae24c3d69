package io.github.quotemailer.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.quote.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Quote files as the demo uses them: the format itself is read by the {@code quote-json} module
 * ({@link io.github.quotemailer.json.QuoteJson}); this adds the {@code render} command's {@code
 * logo} field and the bundled sample.
 */
public final class QuoteFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private QuoteFiles() {}

  /**
   * The optional {@code logo} field of a quote file: a PNG or JPEG path, relative to the file. It
   * is branding for the PDF, so it is not part of {@link Quote}; read the file with {@link
   * QuoteJson#read(Path)} first, which validates it.
   */
  public static Optional<Path> logoPath(Path file) {
    JsonNode logo;
    try (InputStream in = Files.newInputStream(file)) {
      logo = MAPPER.readTree(in).get("logo");
    } catch (IOException e) {
      throw new InvalidInputException("quote", "cannot read " + file + ": " + e.getMessage());
    }
    if (logo == null || logo.isNull() || (logo.isTextual() && logo.textValue().isBlank())) {
      return Optional.empty();
    }
    if (!logo.isTextual()) {
      throw new InvalidInputException("logo", "must be a JSON string: the path of a PNG or JPEG");
    }
    return Optional.of(file.toAbsolutePath().resolveSibling(logo.textValue().strip()));
  }

  /** The sample quote shipped with the examples. */
  public static Quote sample() {
    try (InputStream in = QuoteFiles.class.getResourceAsStream("quote-sample.json")) {
      if (in == null) {
        throw new IllegalStateException("quote-sample.json missing from the examples jar");
      }
      return QuoteJson.read(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
