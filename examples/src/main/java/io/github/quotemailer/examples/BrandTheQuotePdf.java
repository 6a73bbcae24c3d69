package io.github.quotemailer.examples;

import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.pdf.QuoteBranding;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import java.time.Instant;

/**
 * The README's "quote PDF" snippet (the region between the tag comments), kept here so the build
 * proves it compiles: a renderer with the host's colour, logo and labels.
 */
public final class BrandTheQuotePdf {
  private BrandTheQuotePdf() {}

  /**
   * A renderer branded with {@code pngBytes}; the labels bundle {@code com.example.MyQuoteLabels}
   * must be on the class path.
   */
  public static QuoteDocumentRenderer renderer(byte[] pngBytes) {
    // tag::pdf[]
    QuoteDocumentRenderer renderer =
        OpenPdfQuoteRenderer.builder()
            .branding(QuoteBranding.builder().accentColor("#1F4E79").logo(pngBytes).build())
            .labels("com.example.MyQuoteLabels") // override any label per locale
            .deterministic(Instant.parse("2025-12-09T00:00:00Z")) // byte-identical output
            .build();
    // end::pdf[]
    return renderer;
  }
}
