package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.quote.Quote;
import java.util.List;
import java.util.stream.IntStream;
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

  /** Every row of the description, once and in order, split over the pages it needs. */
  @Test
  void keepsALineTallerThanAPageRatherThanDroppingIt() {
    List<String> rows = tallDescriptionRows();
    Quote quote =
        SampleQuotes.sampleBuilder()
            .item(SampleQuotes.line("LARGO", String.join("\n", rows), "1", "pza", "1.00", "0"))
            .build();

    PdfText pdf = PdfText.parse(OpenPdfQuoteRenderer.create().render(quote));

    String text = pdf.normalized();
    int from = 0;
    for (String row : rows) {
      assertThat(pdf.occurrences(row)).as(row).isEqualTo(1);
      int at = text.indexOf(row, from);
      assertThat(at).as("%s after the rows before it", row).isGreaterThanOrEqualTo(from);
      from = at + row.length();
    }
    assertThat(rows.stream().map(row -> pageOf(pdf, row)).distinct())
        .as("pages the description's rows are printed on")
        .hasSizeGreaterThanOrEqualTo(3)
        .isSorted();
    for (String description : SampleQuotes.SAMPLE_DESCRIPTIONS) {
      assertThat(pdf.occurrences(description)).as(description).isEqualTo(1);
    }
  }

  /**
   * 150 short rows of one description: at about 10.6 points each they need some 1,600 points, more
   * than twice a Letter page's 696-point body, and still fit the 2,000-character limit.
   */
  private static List<String> tallDescriptionRows() {
    return IntStream.rangeClosed(1, 150).mapToObj(i -> String.format("Renglón %03d", i)).toList();
  }

  private static int pageOf(PdfText pdf, String text) {
    for (int page = 1; page <= pdf.pageCount(); page++) {
      if (PdfText.normalize(pdf.page(page)).contains(text)) {
        return page;
      }
    }
    throw new AssertionError(text + " is on no page");
  }
}
