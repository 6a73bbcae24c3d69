package io.github.quotemailer.internal;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.outbox.OutboxAttachment;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.QueuedRendering;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.template.EmailContent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Turns a {@link QuoteEmail} into what is sent or queued: the templates' text, the PDF or the quote
 * to render into it, and a Message-ID fixed for every attempt. A PDF is rendered as of the time the
 * email was prepared, so rendering the same snapshot again gives the same bytes.
 */
final class QuotePreparation {
  private final MailerConfig config;

  /** Prepares with {@code config}'s templates, renderer, size limit and clock. */
  QuotePreparation(MailerConfig config) {
    this.config = config;
  }

  /** Renders and validates {@code email} for sending now. */
  OutboxMessage prepareToSend(QuoteEmail email) {
    OutboxMessage message = prepare(email, config.clock().instant());
    return rendered(message);
  }

  /**
   * Validates {@code email} for the outbox: with the quote itself, or (under {@link
   * QueuedRendering#WHEN_ENQUEUED}) rendered now.
   */
  OutboxMessage prepareToQueue(QuoteEmail email) {
    OutboxMessage message = prepare(email, config.clock().instant());
    return config.queuedRendering() == QueuedRendering.WHEN_ENQUEUED ? rendered(message) : message;
  }

  private OutboxMessage prepare(QuoteEmail email, Instant now) {
    Quote quote = email.quote();
    EmailContent content = config.templates().render(quote);
    return OutboxMessage.builder()
        .idempotencyKey(email.effectiveIdempotencyKey())
        .messageId(MessageFactory.newMessageId(config.companySender().address()))
        .salesperson(quote.salesperson())
        .quoteNumber(quote.number())
        .to(email.to())
        .cc(email.cc())
        .content(content)
        .quote(quote)
        .pdfFileName(quote.fileName())
        // Databases keep microseconds at most; a stored snapshot must render as the first did.
        .enqueuedAt(now.truncatedTo(ChronoUnit.MILLIS))
        .build();
  }

  /**
   * {@code message} with its PDF: a quote snapshot is rendered as of its enqueue time, checked to
   * be a PDF within the size limit; a rendered PDF is returned as it is.
   *
   * @throws InvalidInputException when the PDF is over the size limit
   * @throws QuoteMailerException when the renderer fails or returns something else than a PDF
   */
  OutboxMessage rendered(OutboxMessage message) {
    if (!(message.attachment() instanceof OutboxAttachment.QuoteSnapshot snapshot)) {
      return message;
    }
    byte[] pdf = render(snapshot.quote(), message.enqueuedAt());
    if (pdf.length > config.maxMessageBytes()) {
      throw new InvalidInputException(
          "quote",
          "the PDF is " + pdf.length + " bytes, over the limit of " + config.maxMessageBytes());
    }
    return message.withRenderedPdf(pdf);
  }

  private byte[] render(Quote quote, Instant at) {
    try {
      byte[] pdf = config.renderer().render(quote, at);
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
