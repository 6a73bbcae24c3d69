package io.github.quotemailer.template;

import io.github.quotemailer.internal.Checks;

/**
 * The rendered subject and bodies of one email.
 *
 * @param subject the subject line (one line)
 * @param text the plain-text body
 * @param html the HTML body
 */
public record EmailContent(String subject, String text, String html) {
  /** Validates; the subject may not contain line breaks. */
  public EmailContent {
    subject = Checks.text("subject", subject, 998);
    text = Checks.optionalMultiline("text", text, 100_000).orElse("");
    html = Checks.optionalMultiline("html", html, 200_000).orElse("");
  }
}
