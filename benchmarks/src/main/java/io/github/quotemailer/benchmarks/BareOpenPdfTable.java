package io.github.quotemailer.benchmarks;

import com.lowagie.text.Document;
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
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The rendering baseline: a quote's line table alone, written with plain OpenPDF calls, with fonts
 * parsed beforehand. Same page size and margins as pdf-quotes, the same eight columns sized by the
 * renderer's rule, the same cell texts, font sizes, padding and leading, the DejaVu fonts embedded
 * as Identity-H subsets, and a header row repeated on every page. Left out: company header,
 * parties, totals, amount in words, notes, terms, page footer, metadata, colours and zebra rows
 * (OpenPDF's default cell borders instead).
 *
 * <p>The fonts are parsed once, when the table is made, and reused for every document, so a
 * document costs layout and writing only. Use one instance per thread.
 */
final class BareOpenPdfTable {
  // pdf-quotes' usual column widths in points; the description (0) takes the rest of the 532.
  private static final float[] USUAL_WIDTHS = {20, 74, 0, 38, 46, 66, 42, 72};
  private static final float TEXT_WIDTH = PageSize.LETTER.getWidth() - 2 * 40;
  private static final float BODY_SIZE = 8.5f;
  private static final float HEADING_SIZE = 7.5f;
  private static final float PADDING = 4f;

  private final Font body;
  private final Font heading;

  /** A table writer using {@code regular} for the rows and {@code bold} for the headings. */
  BareOpenPdfTable(BaseFont regular, BaseFont bold) {
    this.body = new Font(regular, BODY_SIZE);
    this.heading = new Font(bold, HEADING_SIZE);
  }

  /** A table writer with pdf-quotes' DejaVu Sans and DejaVu Sans Bold, parsed now. */
  static BareOpenPdfTable withBundledFonts() {
    return new BareOpenPdfTable(
        embedded("regular.ttf", BenchmarkQuotes.bundledFont("DejaVuSans.ttf")),
        embedded("bold.ttf", BenchmarkQuotes.bundledFont("DejaVuSans-Bold.ttf")));
  }

  /** Parses {@code ttf} as an embedded Identity-H font, as pdf-quotes loads its fonts. */
  static BaseFont embedded(String name, byte[] ttf) {
    try {
      return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse font " + name, e);
    }
  }

  /** One PDF holding the table of {@code rows} (cell texts from {@link BenchmarkQuotes}). */
  byte[] write(List<String[]> rows) {
    PdfPTable table = new PdfPTable(columnWidths(rows));
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

  /**
   * The renderer's rule, so both tables wrap alike: a numeric column is as wide as its widest
   * figure or heading (at least its usual width); the description takes what is left.
   */
  private float[] columnWidths(List<String[]> rows) {
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
