package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Checks on lookup arguments, done before any statement runs; each failure names the field. */
final class Inputs {
  private Inputs() {}

  /** Rejects null, blank and over-long values; returns the value stripped. */
  static String text(String field, @Nullable String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    String stripped = value.strip();
    if (stripped.length() > maxLength) {
      throw new InvalidInputException(
          field, "is " + stripped.length() + " characters long; the limit is " + maxLength);
    }
    return stripped;
  }

  /** Rejects null. */
  static <T> T present(String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidInputException(field, "is required");
    }
    return value;
  }
}
