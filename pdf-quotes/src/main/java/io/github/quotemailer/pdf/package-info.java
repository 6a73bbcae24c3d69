/**
 * Renders a {@link io.github.quotemailer.quote.Quote} to PDF with OpenPDF: {@link
 * io.github.quotemailer.pdf.OpenPdfQuoteRenderer} (the {@link
 * io.github.quotemailer.quote.QuoteDocumentRenderer} implementation), its {@link
 * io.github.quotemailer.pdf.QuoteBranding} and {@link io.github.quotemailer.pdf.AmountInWords}.
 */
@NullMarked
package io.github.quotemailer.pdf;

import org.jspecify.annotations.NullMarked;
