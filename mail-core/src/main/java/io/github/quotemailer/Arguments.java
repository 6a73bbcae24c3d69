package io.github.quotemailer;

import java.util.Optional;

/**
 * The argument checks every QuoteMailer module applies, so bad input fails the same way everywhere:
 * each failure is an {@link InvalidInputException} that names the field. Hosts may use them too.
 */
public final class Arguments {
  private Arguments() {}

  /**
   * Rejects null, blank, over-long values, any CR, LF or NUL, and Unicode bidirectional controls;
   * returns the value stripped.
   */
  public static String text(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    return optionalText(field, value, maxLength).orElseThrow();
  }

  /** Like {@link #text} but a null or blank value becomes empty. */
  public static Optional<String> optionalText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    // Checked before stripping: a trailing CRLF is an injection attempt, not whitespace.
    noLineBreaks(field, value);
    noBidiControls(field, value);
    noUnpairedSurrogates(field, value);
    String stripped = value.strip();
    if (stripped.length() > maxLength) {
      throw new InvalidInputException(
          field, "is " + stripped.length() + " characters long; the limit is " + maxLength);
    }
    return Optional.of(stripped);
  }

  /** Like {@link #optionalText} for an already optional value. */
  public static Optional<String> optionalText(String field, Optional<String> value, int maxLength) {
    if (value == null) {
      return Optional.empty();
    }
    return value.flatMap(v -> optionalText(field, v, maxLength));
  }

  /** Multi-line text (notes, descriptions): line breaks allowed, NUL and over-length rejected. */
  public static Optional<String> optionalMultiline(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String stripped = value.strip();
    if (stripped.length() > maxLength) {
      throw new InvalidInputException(
          field, "is " + stripped.length() + " characters long; the limit is " + maxLength);
    }
    if (stripped.indexOf('\0') >= 0) {
      throw new InvalidInputException(field, "contains a NUL character");
    }
    noUnpairedSurrogates(field, stripped);
    return Optional.of(stripped);
  }

  /** Rejects CR, LF and NUL, which would let a value inject headers or SMTP commands. */
  public static void noLineBreaks(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        throw new InvalidInputException(
            field, "contains a line break or NUL character, which is not allowed in a header");
      }
    }
  }

  /**
   * Rejects the Unicode bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
   * U+061C): in a display name or subject they reorder what the reader sees, so "Juan" followed by
   * U+202E can make a From name read backwards (the "Trojan Source" trick).
   */
  public static void noBidiControls(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isBidiControl(c)) {
        throw new InvalidInputException(
            field,
            String.format(
                "contains the bidirectional control character U+%04X at position %d, which can"
                    + " make the text read in another order; remove it",
                (int) c, i));
      }
    }
  }

  /**
   * Rejects a lone UTF-16 surrogate: it is no character at all, and goes out as {@code ?} in a
   * header or a file name.
   */
  public static void noUnpairedSurrogates(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidInputException(
            field,
            String.format(
                "contains an unpaired UTF-16 surrogate U+%04X at position %d, which is not a"
                    + " character",
                (int) c, i));
      }
    }
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C';
  }

  /** Rejects a null list, or one with a null element, naming the field and the index. */
  public static <T> java.util.List<T> noNulls(String field, java.util.List<T> values) {
    present(field, values);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new InvalidInputException(field + "[" + i + "]", "is required");
      }
    }
    return values;
  }

  /** Rejects null with a message naming the field. */
  public static <T> T present(String field, T value) {
    if (value == null) {
      throw new InvalidInputException(field, "is required");
    }
    return value;
  }
}
