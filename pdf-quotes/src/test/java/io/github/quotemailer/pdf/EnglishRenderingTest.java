package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.quote.Quote;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A quote whose locale is English is written in English. */
class EnglishRenderingTest {
  private static final PdfText PDF =
      PdfText.parse(OpenPdfQuoteRenderer.create().render(SampleQuotes.sample(Locale.ENGLISH)));

  @Test
  void usesEnglishLabelsDatesAndPageNumbers() {
    assertThat(PDF.normalized())
        .contains("Quote")
        .contains("December 9, 2025")
        .contains("Valid until: January 8, 2026")
        .contains("Description")
        .contains("Tax 16% MX$14,968.60")
        .contains("Total MX$108,522.35")
        .contains("Page 1 of 1");
  }

  @Test
  void writesTheTotalInEnglishWords() {
    assertThat(PDF.normalized())
        .contains("(One hundred eight thousand five hundred twenty-two and 35/100 Mexican pesos)");
  }

  @Test
  void writesATotalAboveATrillionInEnglishWords() {
    Quote big =
        SampleQuotes.sampleBuilder()
            .locale(Locale.ENGLISH)
            .item(SampleQuotes.line("TOWER", "Cooling tower", "1000", "pza", "999999999.99", "0"))
            .build();

    PdfText pdf = PdfText.parse(OpenPdfQuoteRenderer.create().render(big));

    assertThat(pdf.normalized())
        .contains("Total MX$1,160,000,108,510.75")
        .contains(
            "(One trillion one hundred sixty billion one hundred eight thousand five hundred ten"
                + " and 75/100 Mexican pesos)");
  }

  @Test
  void titlesTheDocumentInEnglish() {
    assertThat(PDF.info().title()).isEqualTo("Quote COT-2025-0142");
  }
}
