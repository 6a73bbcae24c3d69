package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.quote.Quote;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/** The shared sample quote (examples/quote-sample.json) rendered in Spanish, read back as text. */
class SampleQuoteRenderingTest {
  private static final Quote SAMPLE = SampleQuotes.sample();
  private static final PdfText PDF = PdfText.parse(OpenPdfQuoteRenderer.create().render(SAMPLE));

  @Test
  void printsEveryDescriptionExactlyOnce() {
    for (String description : SampleQuotes.SAMPLE_DESCRIPTIONS) {
      assertThat(PDF.occurrences(description)).as(description).isEqualTo(1);
    }
  }

  @Test
  void printsTheTotalsOfTheMoneyRules() {
    // 4 x 18,450 x 0.95 + 4 x 3,200 + 12.5 x 289.90 + 7,800 x 0.90 = 93,553.75;
    // IVA 93,553.75 x 16% = 14,968.60; total 108,522.35.
    assertThat(PDF.normalized())
        .contains("Subtotal $93,553.75")
        .contains("IVA 16% $14,968.60")
        .contains("Total $108,522.35")
        .contains("Descuento -$4,470.00");
  }

  @Test
  void writesTheTotalInWords() {
    assertThat(PDF.normalized())
        .contains("(CIENTO OCHO MIL QUINIENTOS VEINTIDÓS PESOS 35/100 M.N.)");
  }

  @Test
  void printsHeaderPartiesAndTermsInSpanish() {
    assertThat(PDF.normalized())
        .contains("Cotización")
        .contains("No. COT-2025-0142")
        .contains("Versión 1")
        .contains("9 de diciembre de 2025")
        .contains("8 de enero de 2026")
        .contains("RFC: ICL010101AB1")
        .contains("Laura Martínez Ñúñez")
        .contains("Hospital San José del Norte")
        .contains("RFC: HSJ990101XY2")
        .contains("Juan Pérez")
        .contains("juan@inair.example")
        .contains("Precios en pesos mexicanos. Sujetos a cambio sin previo aviso.")
        .contains("Garantía de 1 año en equipo y 6 meses en instalación.")
        .contains("Página 1 de 1");
  }

  @Test
  void embedsEveryFont() {
    assertThat(PDF.fonts()).isNotEmpty().allMatch(PDFont::isEmbedded, "is embedded");
  }

  @Test
  void describesItselfInTheDocumentProperties() {
    assertThat(PDF.info().title()).isEqualTo("Cotización COT-2025-0142");
    assertThat(PDF.info().author()).isEqualTo("INAIR Climatización S.A. de C.V.");
    assertThat(PDF.info().subject())
        .isEqualTo("Cotización COT-2025-0142 para Hospital San José del Norte");
    assertThat(PDF.info().creator()).isEqualTo("QuoteMailer");
  }

  @Test
  void writesATotalAboveABillionInWords() {
    Quote big =
        SampleQuotes.sampleBuilder()
            .item(
                SampleQuotes.line(
                    "TORRE", "Torre de enfriamiento", "1000", "pza", "999999.99", "0"))
            .build();

    PdfText pdf = PdfText.parse(OpenPdfQuoteRenderer.create().render(big));

    // Long scale: a thousand millions is "MIL MILLONES", not "UN BILLÓN".
    assertThat(pdf.normalized())
        .contains("Total $1,160,108,510.75")
        .contains(
            "(MIL CIENTO SESENTA MILLONES CIENTO OCHO MIL QUINIENTOS DIEZ PESOS 75/100 M.N.)");
  }
}
