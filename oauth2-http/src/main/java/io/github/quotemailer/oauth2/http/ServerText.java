package io.github.quotemailer.oauth2.http;

import io.github.quotemailer.smtp.Secret;
import java.util.List;

/**
 * Text an endpoint sent, made safe for a log line or a terminal: its first line only, without
 * control or invisible formatting characters (which could forge a log line or reorder what a person
 * reads), shortened, and never repeating a secret the request carried.
 */
final class ServerText {
  private ServerText() {}

  /** The first line of {@code text}, cleaned and at most {@code maxLength} characters long. */
  static String firstLine(String text, int maxLength) {
    String stripped = text.strip();
    int end = 0;
    while (end < stripped.length()
        && stripped.charAt(end) != '\r'
        && stripped.charAt(end) != '\n') {
      end++;
    }
    return shorten(clean(stripped.substring(0, end)), maxLength);
  }

  /** {@code text} with every secret in {@code secrets} replaced by {@code ****}. */
  static String redact(String text, List<Secret> secrets) {
    String redacted = text;
    for (Secret secret : secrets) {
      redacted = redacted.replace(secret.reveal(), "****");
    }
    return redacted;
  }

  private static String clean(String line) {
    StringBuilder out = new StringBuilder(line.length());
    line.codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .map(c -> Character.isISOControl(c) ? ' ' : c)
        .forEach(out::appendCodePoint);
    return out.toString().strip();
  }

  private static String shorten(String line, int maxLength) {
    if (line.length() <= maxLength) {
      return line;
    }
    int end = maxLength - 1;
    if (Character.isHighSurrogate(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end) + "…";
  }
}
