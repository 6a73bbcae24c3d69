package io.github.quotemailer.benchmarks;

import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.template.EmailContent;
import io.github.quotemailer.template.MessageFormatEmailTemplates;

/**
 * What every side of {@link WireSpeedBenchmark} sends: the {@value #LINES}-line benchmark quote,
 * its subject and plain-text body from QuoteMailer's default templates, and its PDF rendered once.
 *
 * @param quote the quote
 * @param content subject, text and HTML bodies
 * @param pdf the quote's PDF, rendered once by {@link OpenPdfQuoteRenderer}
 */
record BenchmarkMessage(Quote quote, EmailContent content, byte[] pdf) {
  /** Lines of the quote: a typical quote, two pages of PDF. */
  static final int LINES = 20;

  /** The quote rendered once with {@code renderer}. */
  static BenchmarkMessage render(OpenPdfQuoteRenderer renderer) {
    Quote quote = BenchmarkQuotes.withLines(LINES);
    return new BenchmarkMessage(
        quote, MessageFormatEmailTemplates.defaults().render(quote), renderer.render(quote));
  }

  /** The quote to the customer, on deal {@code dealId} so its idempotency key is new. */
  QuoteEmail email(String dealId) {
    return QuoteEmail.of(quote, LoopbackSmtp.CUSTOMER).withDealId(dealId);
  }

  /** The attachment's file name, as QuoteMailer names it. */
  String fileName() {
    return quote.fileName();
  }
}
