package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A long quote flows over pages with the table header and page numbers on each. */
class PaginationTest {
  private static final int LINES = 150;
  private static final PdfText PDF =
      PdfText.parse(OpenPdfQuoteRenderer.create().render(SampleQuotes.withLines(LINES)));

  @Test
  void spreadsOverMoreThanThreePages() {
    assertThat(PDF.pageCount()).isGreaterThan(3);
  }

  @Test
  void repeatsTheTableHeaderOnEveryPage() {
    for (int page = 1; page <= PDF.pageCount(); page++) {
      assertThat(PdfText.normalize(PDF.page(page)))
          .as("page %d", page)
          .contains("# Clave Descripción Cant. Unidad P. unitario Desc. % Importe");
    }
  }

  @Test
  void numbersEveryPageOutOfTheTotal() {
    int pages = PDF.pageCount();
    for (int page = 1; page <= pages; page++) {
      assertThat(PDF.page(page)).as("page %d", page).contains("Página " + page + " de " + pages);
    }
  }

  @Test
  void printsEveryDescriptionExactlyOnce() {
    for (int i = 1; i <= LINES; i++) {
      String description = SampleQuotes.description(i);
      assertThat(PDF.occurrences(description)).as(description).isEqualTo(1);
    }
  }

  @Test
  void keepsALineTallerThanAPageRatherThanDroppingIt() {
    String tall = "Descripción muy larga " + "con muchas palabras para llenar ".repeat(60) + "FIN";
    Quote quote =
        SampleQuotes.sampleBuilder()
            .item(
                new LineItem(
                    Optional.of("LARGO"),
                    tall.substring(0, Math.min(tall.length(), 2000)),
                    BigDecimal.ONE,
                    Optional.empty(),
                    Money.of("1.00", "MXN"),
                    BigDecimal.ZERO,
                    false))
            .build();

    PdfText pdf = PdfText.parse(OpenPdfQuoteRenderer.create().render(quote));

    assertThat(pdf.normalized()).contains("Descripción muy larga").contains("FIN");
    for (String description : SampleQuotes.SAMPLE_DESCRIPTIONS) {
      assertThat(pdf.occurrences(description)).as(description).isEqualTo(1);
    }
  }
}
