package io.github.quotemailer.benchmarks;

import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.quote.Quote;
import java.util.List;

/**
 * Rendering alone, in rounds on this thread: the whole quote with {@link OpenPdfQuoteRenderer}
 * against its line table with {@link BareOpenPdfTable} (fonts parsed once, before the rounds). Odd
 * rounds render the quote first, even rounds the table first.
 */
final class RenderRounds {
  private final OpenPdfQuoteRenderer renderer;
  private final BareOpenPdfTable table;
  private final Quote quote;
  private final List<String[]> rows;

  RenderRounds(OpenPdfQuoteRenderer renderer, Quote quote) {
    this.renderer = renderer;
    this.table = BareOpenPdfTable.withBundledFonts();
    this.quote = quote;
    this.rows = BenchmarkQuotes.tableRows(quote);
  }

  /**
   * Documents per second in one round.
   *
   * @param number the round, 1, 2, ...
   * @param renderer the whole quote
   * @param bareTable the bare table
   */
  record Round(int number, double renderer, double bareTable) {
    /** Renderer ÷ bare table. */
    double ratio() {
      return renderer / bareTable;
    }
  }

  /** Bytes of one document from each side: {renderer, bare table}. */
  long[] documentBytes() {
    return new long[] {renderer.render(quote).length, table.write(rows).length};
  }

  /** Round {@code number} of {@code documents} documents per side. */
  Round round(int number, int documents) {
    if (number % 2 == 1) {
      double quotes = documents / secondsRendering(documents);
      return new Round(number, quotes, documents / secondsWritingTable(documents));
    }
    double tables = documents / secondsWritingTable(documents);
    return new Round(number, documents / secondsRendering(documents), tables);
  }

  private double secondsRendering(int documents) {
    long bytes = 0;
    long start = System.nanoTime();
    for (int i = 0; i < documents; i++) {
      bytes += renderer.render(quote).length;
    }
    return checked(start, bytes);
  }

  private double secondsWritingTable(int documents) {
    long bytes = 0;
    long start = System.nanoTime();
    for (int i = 0; i < documents; i++) {
      bytes += table.write(rows).length;
    }
    return checked(start, bytes);
  }

  private static double checked(long start, long bytes) {
    double seconds = (System.nanoTime() - start) / 1e9;
    if (bytes == 0) {
      throw new IllegalStateException("empty documents");
    }
    return seconds;
  }
}
