package io.github.quotemailer.smtp;

import io.github.quotemailer.InvalidInputException;
import java.util.Arrays;

/**
 * A password or API key in memory. Write-only by design: {@link #toString()} never shows it, and
 * only the SMTP client and the cipher read it through {@link #reveal()}.
 */
public final class Secret implements Credential {
  /** Longest accepted secret; API keys used as passwords run to a few hundred characters. */
  public static final int MAX_LENGTH = 4096;

  private final char[] value;

  private Secret(char[] value) {
    this.value = value;
  }

  /** Wraps {@code value}; rejects empty, over-long, or values with CR, LF or NUL. */
  public static Secret of(String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException("password", "is required");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidInputException("password", "is longer than " + MAX_LENGTH + " characters");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
      throw new InvalidInputException("password", "contains a line break or NUL character");
    }
    return new Secret(value.toCharArray());
  }

  /** The clear value. Callers must not log, store or return it. */
  public String reveal() {
    return new String(value);
  }

  /** Length in characters, safe to show. */
  public int length() {
    return value.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && Arrays.equals(s.value, value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
