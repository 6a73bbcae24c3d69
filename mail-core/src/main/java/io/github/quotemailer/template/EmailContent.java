package io.github.quotemailer.template;

import io.github.quotemailer.Arguments;

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
    subject = Arguments.text("subject", subject, 998);
    text = Arguments.optionalMultiline("text", text, 100_000).orElse("");
    html = Arguments.optionalMultiline("html", html, 200_000).orElse("");
  }
}
