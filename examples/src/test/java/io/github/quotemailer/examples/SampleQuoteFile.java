package io.github.quotemailer.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample quote bundled with the examples ({@code quote-sample.json}), as the commands read it.
 */
final class SampleQuoteFile {
  private SampleQuoteFile() {}

  /** The JSON text of the bundled sample. */
  static String text() {
    try (InputStream in = QuoteFiles.class.getResourceAsStream("quote-sample.json")) {
      if (in == null) {
        throw new IllegalStateException("quote-sample.json missing from the examples resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the sample to {@code dir/quote.json} and returns that path. */
  static Path copyInto(Path dir) throws IOException {
    return Files.writeString(dir.resolve("quote.json"), text());
  }
}
