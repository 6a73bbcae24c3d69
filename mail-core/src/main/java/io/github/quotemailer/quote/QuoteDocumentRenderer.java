package io.github.quotemailer.quote;

/**
 * Port: turns a {@link Quote} into the PDF attached to the email. The {@code pdf-quotes} module
 * implements it with OpenPDF; hosts may supply their own.
 */
@FunctionalInterface
public interface QuoteDocumentRenderer {
  /** Renders {@code quote} in its own locale and returns the PDF bytes. */
  byte[] render(Quote quote);
}
