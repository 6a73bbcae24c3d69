package io.github.quotemailer.smtp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome of verifying many users' stored settings at once ({@code QuoteMailer.verifyAll}).
 *
 * @param results each checked user's result, by user id (sorted)
 * @param problems users whose settings could not be checked at all, with why (for example a stored
 *     password whose key left the key ring), by user id
 * @param skippedDisabled users whose settings are disabled, so were not checked
 */
public record VerificationReport(
    Map<String, VerificationResult> results, Map<String, String> problems, int skippedDisabled) {

  /** Copies the maps, sorted by user id. */
  public VerificationReport {
    results = Collections.unmodifiableMap(new TreeMap<>(results));
    problems = Collections.unmodifiableMap(new TreeMap<>(problems));
  }

  /** How many results fell in each reply class ({@code ACCEPTED} for the ones that can send). */
  public Map<SmtpReplyClass, Long> countsByClass() {
    return results.values().stream()
        .collect(
            Collectors.groupingBy(
                r -> r.reply().replyClass(),
                () -> new EnumMap<>(SmtpReplyClass.class),
                Collectors.counting()));
  }

  /** Users whose settings passed. */
  public long succeeded() {
    return results.values().stream().filter(VerificationResult::succeeded).count();
  }

  /** One line for logs and command lines, e.g. {@code checked=4 ACCEPTED=3 AUTH_REJECTED=1 ...}. */
  public String summary() {
    StringBuilder line = new StringBuilder("checked=").append(results.size());
    countsByClass().forEach((c, n) -> line.append(' ').append(c).append('=').append(n));
    return line.append(" unchecked=")
        .append(problems.size())
        .append(" disabled=")
        .append(skippedDisabled)
        .toString();
  }
}
