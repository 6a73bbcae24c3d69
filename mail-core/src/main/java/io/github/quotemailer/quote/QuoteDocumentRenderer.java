package io.github.quotemailer.quote;

import java.time.Instant;

/**
 * Port: turns a {@link Quote} into the PDF attached to the email. The {@code pdf-quotes} module
 * implements it with OpenPDF; hosts may supply their own.
 *
 * <p>A queued quote is rendered by the delivery worker when it is sent, with {@link #render(Quote,
 * Instant)} and the time it was enqueued, so every attempt attaches the same document.
 */
@FunctionalInterface
public interface QuoteDocumentRenderer {
  /** Renders {@code quote} in its own locale and returns the PDF bytes. */
  byte[] render(Quote quote);

  /**
   * Renders {@code quote} as of {@code renderedAt}: the document's creation date is {@code
   * renderedAt}, not the clock, and the same quote and time give the same bytes on every call. The
   * default calls {@link #render(Quote)}, so a renderer that does not override it stamps the clock
   * and may differ from one attempt to the next.
   */
  default byte[] render(Quote quote, Instant renderedAt) {
    return render(quote);
  }
}
