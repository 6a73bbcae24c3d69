package io.github.quotemailer.template;

import io.github.quotemailer.Arguments;

/**
 * {@link java.text.MessageFormat} patterns for one locale. Arguments: {@code {0}} quote number,
 * {@code {1}} customer name, {@code {2}} total with currency, {@code {3}} valid-until date, {@code
 * {4}} salesperson name, {@code {5}} company name, {@code {6}} quote version. In the HTML pattern
 * every argument is HTML-escaped. A literal apostrophe is written twice ({@code ''}).
 *
 * @param subject the subject pattern
 * @param text the plain-text body pattern
 * @param html the HTML body pattern
 */
public record EmailPatterns(String subject, String text, String html) {
  /** Validates that all three patterns are present. */
  public EmailPatterns {
    subject = Arguments.text("template.subject", subject, 998);
    text =
        Arguments.optionalMultiline("template.text", text, 100_000)
            .orElseThrow(
                () ->
                    new io.github.quotemailer.InvalidInputException(
                        "template.text", "is required"));
    html =
        Arguments.optionalMultiline("template.html", html, 200_000)
            .orElseThrow(
                () ->
                    new io.github.quotemailer.InvalidInputException(
                        "template.html", "is required"));
  }
}
