package io.github.quotemailer.smtp;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many messages one sending identity may send in a rolling window, e.g. 250 per 24 hours or 30
 * per minute. Counted from the delivery log: across every worker on one database with {@code
 * JdbcStores}' sending ledger, within one JVM with the in-memory one.
 *
 * @param count messages allowed in any window, 1 to {@value #MAX_COUNT}
 * @param window the rolling window, 1 second to 31 days
 */
public record SendingLimit(int count, Duration window) {
  /** The largest count accepted. */
  public static final int MAX_COUNT = 1_000_000;

  private static final Pattern FORM =
      Pattern.compile("\\s*(\\d{1,7})\\s*/\\s*(\\d{1,6})([smhd])\\s*");

  /**
   * The providers' published limits, by SMTP host: Microsoft 365 30 messages a minute, Google
   * Workspace 2,000 a day, GoDaddy's legacy mailboxes 250 a day.
   */
  private static final Map<String, SendingLimit> PRESETS =
      Map.of(
          "smtp.office365.com", new SendingLimit(30, Duration.ofMinutes(1)),
          "smtp.gmail.com", new SendingLimit(2000, Duration.ofHours(24)),
          "smtpout.secureserver.net", new SendingLimit(250, Duration.ofHours(24)));

  /** Validates both bounds. */
  public SendingLimit {
    if (count < 1 || count > MAX_COUNT) {
      throw new InvalidInputException("limit", count + " is outside 1-" + MAX_COUNT);
    }
    Arguments.present("limit.window", window);
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(31)) > 0) {
      throw new InvalidInputException("limit", "window " + window + " is outside 1 s - 31 days");
    }
    if (window.getNano() != 0) {
      throw new InvalidInputException("limit", "window " + window + " is not whole seconds");
    }
  }

  /** {@code count} messages per {@code window}. */
  public static SendingLimit of(int count, Duration window) {
    return new SendingLimit(count, window);
  }

  /**
   * Parses {@code COUNT/WINDOW} with the window in seconds, minutes, hours or days: {@code 5/24h},
   * {@code 30/1m}, {@code 2000/1d}, {@code 10/30s}.
   *
   * @throws InvalidInputException naming {@code field} when the text is not in that form
   */
  public static SendingLimit parse(String field, String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new InvalidInputException(
          field, "'" + text + "' is not COUNT/WINDOW, e.g. 250/24h or 30/1m");
    }
    long amount = Long.parseLong(m.group(2));
    Duration window =
        switch (m.group(3)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    try {
      return new SendingLimit(Integer.parseInt(m.group(1)), window);
    } catch (InvalidInputException e) {
      // Named after the caller's field alone, not "field: limit: ...".
      String problem = e.getMessage().substring(e.field().length() + 2);
      throw new InvalidInputException(field, problem);
    }
  }

  /** The published limit of the provider at {@code smtpHost}, if QuoteMailer knows it. */
  public static Optional<SendingLimit> presetFor(String smtpHost) {
    return Optional.ofNullable(PRESETS.get(smtpHost.toLowerCase(Locale.ROOT)));
  }

  /** The {@code COUNT/WINDOW} form {@link #parse} reads, in the largest whole unit. */
  @Override
  public String toString() {
    long seconds = window.toSeconds();
    if (seconds % 86_400 == 0 && seconds / 86_400 != 1) {
      return count + "/" + seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return count + "/" + seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? count + "/" + seconds / 60 + "m" : count + "/" + seconds + "s";
  }
}
