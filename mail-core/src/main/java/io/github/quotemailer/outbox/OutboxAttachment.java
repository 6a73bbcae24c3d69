package io.github.quotemailer.outbox;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.quote.Quote;

/**
 * The PDF of a queued email, as the outbox holds it: the quote itself, rendered by the worker when
 * it sends ({@link QuoteSnapshot}, the default of {@code QuoteMailer.enqueue}), or a document
 * rendered beforehand ({@link RenderedPdf}).
 */
public sealed interface OutboxAttachment
    permits OutboxAttachment.QuoteSnapshot, OutboxAttachment.RenderedPdf {

  /**
   * The quote, rendered when the email is sent, as of the time it was enqueued: every attempt
   * attaches the same document.
   *
   * @param quote the quote as it was when enqueued
   */
  record QuoteSnapshot(Quote quote) implements OutboxAttachment {
    /** Validates. */
    public QuoteSnapshot {
      Arguments.present("quote", quote);
    }
  }

  /**
   * A PDF rendered before it was queued, sent as it is.
   *
   * @param pdf the document's bytes (copied in and out)
   */
  record RenderedPdf(byte[] pdf) implements OutboxAttachment {
    /** Validates and copies. */
    public RenderedPdf {
      Arguments.present("pdf", pdf);
      pdf = pdf.clone();
    }

    @Override
    public byte[] pdf() {
      return pdf.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof RenderedPdf r && java.util.Arrays.equals(r.pdf, pdf);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(pdf);
    }

    @Override
    public String toString() {
      return "RenderedPdf[" + pdf.length + " bytes]";
    }
  }
}
