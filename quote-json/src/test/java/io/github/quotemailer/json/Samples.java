package io.github.quotemailer.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The documented sample quote, as bundled in the test resources. */
final class Samples {
  private Samples() {}

  /** The text of {@code quote-sample.json}. */
  static String sampleText() {
    try (InputStream in = Samples.class.getResourceAsStream("quote-sample.json")) {
      if (in == null) {
        throw new IllegalStateException("quote-sample.json missing from the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample with its top-level {@code field} set to the JSON text {@code json}. */
  static String sampleWithField(String field, String json) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode sample = (ObjectNode) mapper.readTree(sampleText());
      sample.set(field, mapper.readTree(json));
      return mapper.writeValueAsString(sample);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample with the first {@code original} replaced by {@code replacement}. */
  static String sampleWith(String original, String replacement) {
    String sample = sampleText();
    if (!sample.contains(original)) {
      throw new IllegalArgumentException("the sample has no " + original);
    }
    return sample.replaceFirst(
        java.util.regex.Pattern.quote(original),
        java.util.regex.Matcher.quoteReplacement(replacement));
  }
}
