package io.github.quotemailer.template;

import io.github.quotemailer.quote.Quote;

/**
 * Port: the subject and body of a quote email. {@link MessageFormatEmailTemplates} is the default;
 * hosts may implement this with the template engine they already use.
 */
@FunctionalInterface
public interface EmailTemplates {
  /** Renders the email for {@code quote} in the quote's locale. */
  EmailContent render(Quote quote);
}
