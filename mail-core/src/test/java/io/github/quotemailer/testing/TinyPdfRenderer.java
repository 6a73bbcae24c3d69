package io.github.quotemailer.testing;

import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import java.nio.charset.StandardCharsets;

/**
 * A renderer for mail-core tests, which must not depend on pdf-quotes: a one-page PDF whose only
 * content is the quote number, so tests can check the attachment carries the right quote.
 */
public final class TinyPdfRenderer implements QuoteDocumentRenderer {
  @Override
  public byte[] render(Quote quote) {
    String text = "(" + quote.number() + ") Tj";
    String stream = "BT /F1 12 Tf 72 720 Td " + text + " ET";
    String pdf =
        "%PDF-1.4\n"
            + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
            + "4 0 obj << /Length "
            + stream.length()
            + " >> stream\n"
            + stream
            + "\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    return pdf.getBytes(StandardCharsets.ISO_8859_1);
  }
}
