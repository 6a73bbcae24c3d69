package io.github.quotemailer.benchmarks;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The baseline: the quote's line table alone, written with plain OpenPDF calls. Same page size and
 * margins, the same eight columns sized by the renderer's rule, the same cell texts, font sizes,
 * padding and leading, the same DejaVu fonts embedded as Identity-H subsets and loaded per document
 * as the renderer does, and a header row repeated on every page. Left out: company header, parties,
 * totals, amount in words, notes, terms, page footer, metadata, colours and zebra rows (OpenPDF's
 * default cell borders instead); what the renderer costs over this is its overhead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class BareOpenPdfBenchmark {
  /** Lines in the table. */
  @Param({"20", "200"})
  public int lines;

  // pdf-quotes' usual column widths in points; the description (0) takes the rest of the 532.
  private static final float[] USUAL_WIDTHS = {20, 74, 0, 38, 46, 66, 42, 72};
  private static final float TEXT_WIDTH = PageSize.LETTER.getWidth() - 2 * 40;
  private static final float BODY_SIZE = 8.5f;
  private static final float HEADING_SIZE = 7.5f;
  private static final float PADDING = 4f;

  private List<String[]> rows;
  private byte[] regularTtf;
  private byte[] boldTtf;

  /** Formats the cell texts and reads the font files once, and prints the size of one document. */
  @Setup
  public void prepare() throws IOException {
    rows = BenchmarkQuotes.tableRows(BenchmarkQuotes.withLines(lines));
    regularTtf = BenchmarkQuotes.bundledFont("DejaVuSans.ttf");
    boldTtf = BenchmarkQuotes.bundledFont("DejaVuSans-Bold.ttf");
    System.out.printf("%nBareOpenPdfBenchmark lines=%d: %d bytes/doc%n", lines, write().length);
  }

  /** One document on one thread. */
  @Benchmark
  @Threads(1)
  public byte[] oneThread() throws IOException {
    return write();
  }

  /** One document on each of two threads at once. */
  @Benchmark
  @Threads(2)
  public byte[] twoThreads() throws IOException {
    return write();
  }

  private byte[] write() throws IOException {
    return write(rows, regularTtf, boldTtf);
  }

  /** One document for a {@code lines}-line table, as measured, for reporting its size. */
  static byte[] sampleDocument(int lines) throws IOException {
    return write(
        BenchmarkQuotes.tableRows(BenchmarkQuotes.withLines(lines)),
        BenchmarkQuotes.bundledFont("DejaVuSans.ttf"),
        BenchmarkQuotes.bundledFont("DejaVuSans-Bold.ttf"));
  }

  private static byte[] write(List<String[]> rows, byte[] regularTtf, byte[] boldTtf)
      throws IOException, DocumentException {
    Font body = new Font(embedded("regular.ttf", regularTtf), BODY_SIZE);
    Font heading = new Font(embedded("bold.ttf", boldTtf), HEADING_SIZE);
    PdfPTable table = new PdfPTable(columnWidths(rows, body, heading));
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (int column = 0; column < USUAL_WIDTHS.length; column++) {
      table.addCell(cell(BenchmarkQuotes.HEADINGS[column], heading, column));
    }
    for (String[] row : rows) {
      for (int column = 0; column < USUAL_WIDTHS.length; column++) {
        PdfPCell cell = cell(row[column], body, column);
        cell.setLeading(0, 1.25f);
        table.addCell(cell);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    Document document = new Document(PageSize.LETTER, 40, 40, 40, 56);
    PdfWriter.getInstance(document, out);
    document.open();
    document.add(table);
    document.close();
    return out.toByteArray();
  }

  private static BaseFont embedded(String name, byte[] ttf) throws IOException {
    return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
  }

  /**
   * The renderer's rule, so both tables wrap alike: a numeric column is as wide as its widest
   * figure or heading (at least its usual width); the description takes what is left.
   */
  private static float[] columnWidths(List<String[]> rows, Font body, Font heading) {
    float[] widths = USUAL_WIDTHS.clone();
    float others = 0;
    for (int column = 0; column < widths.length; column++) {
      if (isNumeric(column)) {
        float widest =
            heading.getBaseFont().getWidthPoint(BenchmarkQuotes.HEADINGS[column], HEADING_SIZE) + 1;
        for (String[] row : rows) {
          widest = Math.max(widest, body.getBaseFont().getWidthPoint(row[column], BODY_SIZE));
        }
        widths[column] = Math.max(widths[column], widest + 2 * PADDING + 1);
      }
      others += widths[column];
    }
    widths[2] = Math.max(110, TEXT_WIDTH - others);
    return widths;
  }

  private static boolean isNumeric(int column) {
    return column == 0 || column == 3 || column >= 5;
  }

  private static PdfPCell cell(String text, Font font, int column) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setHorizontalAlignment(isNumeric(column) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
    cell.setPadding(PADDING);
    cell.setPaddingBottom(PADDING + 1);
    return cell;
  }
}
