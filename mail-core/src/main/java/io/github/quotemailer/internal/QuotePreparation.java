package io.github.quotemailer.internal;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.template.EmailContent;

/**
 * Turns a {@link QuoteEmail} into what is sent or queued: the templates' text, the rendered PDF
 * (checked to be one, and within the size limit) and a Message-ID fixed for every attempt.
 */
final class QuotePreparation {
  private final MailerConfig config;

  QuotePreparation(MailerConfig config) {
    this.config = config;
  }

  /** Renders and validates {@code email} into what the outbox stores. */
  OutboxMessage prepare(QuoteEmail email) {
    Quote quote = email.quote();
    EmailContent content = config.templates().render(quote);
    byte[] pdf = render(quote);
    if (pdf.length > config.maxMessageBytes()) {
      throw new InvalidInputException(
          "quote",
          "the PDF is " + pdf.length + " bytes, over the limit of " + config.maxMessageBytes());
    }
    return OutboxMessage.builder()
        .idempotencyKey(email.effectiveIdempotencyKey())
        .messageId(MessageFactory.newMessageId(config.companySender().address()))
        .salesperson(quote.salesperson())
        .quoteNumber(quote.number())
        .to(email.to())
        .cc(email.cc())
        .content(content)
        .pdf(pdf)
        .pdfFileName(quote.fileName())
        .enqueuedAt(config.clock().instant())
        .build();
  }

  private byte[] render(Quote quote) {
    try {
      byte[] pdf = config.renderer().render(quote);
      if (pdf == null || pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P') {
        throw new QuoteMailerException("the renderer did not return a PDF for " + quote.number());
      }
      return pdf;
    } catch (QuoteMailerException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new QuoteMailerException(
          "rendering quote " + quote.number() + " failed: " + e.getMessage(), e);
    }
  }
}
