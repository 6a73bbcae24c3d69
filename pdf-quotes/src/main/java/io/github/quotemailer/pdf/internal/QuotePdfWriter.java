package io.github.quotemailer.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.pdf.AmountInWords;
import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Lays out one quote on Letter pages with OpenPDF. One instance per render: it holds a font set
 * borrowed from the renderer's {@link FontPool}, which no other render uses until this one gives it
 * back, and its own copy of the logo; what it shares with other renders ({@link RenderResources})
 * is read-only, so concurrent renders share nothing mutable.
 */
public final class QuotePdfWriter {
  private static final float MARGIN = 40f;
  private static final float BOTTOM_MARGIN = 56f;
  private static final float BODY_SIZE = 8.5f;
  private static final float SMALL_SIZE = 7.5f;
  private static final Color TEXT = new Color(0x22, 0x22, 0x22);
  private static final Color MUTED = new Color(0x5F, 0x66, 0x70);
  private static final Color RULE = new Color(0xD0, 0xD5, 0xDD);
  private static final Color PANEL = new Color(0xF3, 0xF5, 0xF8);
  private static final Color ZEBRA = new Color(0xF8, 0xF9, 0xFB);
  private static final float TOTAL_SIZE = 10f;
  private static final float CELL_PADDING = 4f;
  private static final float TOTALS_WIDTH = 250f;
  private static final List<LineColumn> COLUMNS = List.of(LineColumn.values());

  private final RenderResources resources;
  private final RenderSettings settings;
  private final Quote quote;
  private final Optional<Instant> fixedTime;
  private final DocumentLanguage language;
  private final Labels labels;
  private final BaseFont regular;
  private final BaseFont bold;
  private final int boldStyle;

  private QuotePdfWriter(
      RenderResources resources, FontSet fonts, Quote quote, Optional<Instant> fixedTime) {
    this.resources = resources;
    this.settings = resources.settings();
    this.quote = quote;
    this.fixedTime = fixedTime;
    this.language = DocumentLanguage.of(quote.locale());
    this.labels = resources.labels(quote.locale());
    this.regular = fonts.regular();
    this.bold = fonts.bold();
    this.boldStyle = fonts.boldStyle();
  }

  /**
   * Renders {@code quote} with a renderer's {@code resources} and returns the PDF bytes. With
   * {@code fixedTime} the dates are that time and the document ID and font subset names come from
   * the input, so the same arguments give the same bytes; without it the document carries the
   * clock's time and random names.
   */
  public static byte[] render(RenderResources resources, Quote quote, Optional<Instant> fixedTime) {
    try {
      Optional<byte[]> documentId =
          fixedTime.map(time -> documentId(resources.settings(), quote, time));
      FontSet set = resources.fonts().borrow(documentId);
      try {
        return new QuotePdfWriter(resources, set, quote, fixedTime).write(documentId);
      } finally {
        resources.fonts().giveBack(set);
      }
    } catch (DocumentException | IOException e) {
      throw new QuoteMailerException(
          "Could not render quote " + quote.number() + " as PDF: " + e.getMessage(), e);
    }
  }

  private byte[] write(Optional<byte[]> documentId) throws DocumentException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    Document document = new Document(PageSize.LETTER, MARGIN, MARGIN, MARGIN, BOTTOM_MARGIN);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setPageEvent(
        new PageFooter(
            regular,
            labels.format("footer.quote", quoteValues()) + " · " + quote.company().name(),
            labels.get("footer.page"),
            MUTED,
            RULE));
    addMetadata(document, writer);
    document.open();
    fixedTime.ifPresent(time -> fixDatesAndId(writer, time, documentId.orElseThrow()));
    document.add(header());
    document.add(parties());
    document.add(lines());
    document.add(totals());
    addNotesAndTerms(document);
    document.close();
    return out.toByteArray();
  }

  // ---- metadata and determinism ----

  private void addMetadata(Document document, PdfWriter writer) {
    document.addTitle(labels.get("title") + " " + quote.number());
    document.addAuthor(quote.company().name());
    document.addSubject(
        labels.format(
            "metadata.subject",
            Map.of(
                "number", quote.number(),
                "customer", quote.customer().company().orElse(quote.customer().name()))));
    document.addCreator("QuoteMailer");
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString(quote.locale().toLanguageTag()));
  }

  /**
   * OpenPDF stamps the Info dictionary with the current time when the document is created and
   * ignores the date given to {@code Document.addCreationDate(PdfDate)}; but the live dictionary
   * behind {@code PdfWriter.getInfo()} is written only at close, so replacing the entries there
   * fixes them. For the trailer's {@code /ID}, OpenPDF uses a {@code /FileId} entry of that
   * dictionary when present instead of an MD5 of the clock (the hook it added for reproducible
   * output); the entry also stays visible in the Info dictionary, which readers ignore.
   */
  private static void fixDatesAndId(PdfWriter writer, Instant time, byte[] documentId) {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    calendar.setTimeInMillis(time.toEpochMilli());
    PdfDate date = new PdfDate(calendar);
    writer.getInfo().put(PdfName.CREATIONDATE, date);
    writer.getInfo().put(PdfName.MODDATE, date);
    writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(documentId, documentId));
  }

  /** MD5 of everything the output depends on, as ISO 32000 suggests for file identifiers. */
  private static byte[] documentId(RenderSettings settings, Quote quote, Instant time) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(quote.toString().getBytes(StandardCharsets.UTF_8));
      md5.update(time.toString().getBytes(StandardCharsets.UTF_8));
      md5.update(settings.brandingDigest());
      return md5.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }

  // ---- header: company and quote identification ----

  private PdfPTable header() throws DocumentException {
    PdfPTable table = new PdfPTable(new float[] {60, 40});
    table.setWidthPercentage(100);
    PdfPCell company = borderless();
    resources.logo().ifPresent(company::addElement);
    company.addElement(paragraph(quote.company().name(), boldFont(13, settings.accentColor())));
    companyLines(quote.company())
        .forEach(line -> company.addElement(paragraph(line, font(SMALL_SIZE, MUTED))));
    PdfPCell title = borderless();
    title.addElement(rightAligned(labels.get("title"), boldFont(18, settings.accentColor())));
    title.addElement(rightAligned(labels.format("number", quoteValues()), boldFont(10.5f, TEXT)));
    title.addElement(rightAligned(labels.format("version", quoteValues()), font(BODY_SIZE, MUTED)));
    title.addElement(labelled("issueDate", date(quote.issueDate())));
    title.addElement(labelled("validUntil", date(quote.validUntil())));
    title.addElement(labelled("currency", quote.currency().getCurrencyCode()));
    for (PdfPCell cell : List.of(company, title)) {
      cell.setBorder(Rectangle.BOTTOM);
      cell.setBorderColor(settings.accentColor());
      cell.setBorderWidthBottom(1.5f);
      cell.setPaddingBottom(10);
      table.addCell(cell);
    }
    return table;
  }

  private List<String> companyLines(Company company) {
    List<String> lines = new ArrayList<>();
    company.taxId().ifPresent(id -> lines.add(labels.get("taxId") + ": " + id));
    company.address().ifPresent(lines::add);
    List<String> contact = new ArrayList<>();
    company.phone().ifPresent(phone -> contact.add(labels.get("phone") + " " + phone));
    company.email().ifPresent(contact::add);
    company.website().ifPresent(contact::add);
    if (!contact.isEmpty()) {
      lines.add(String.join("  ·  ", contact));
    }
    return lines;
  }

  private Paragraph labelled(String key, String value) {
    Paragraph paragraph = new Paragraph();
    paragraph.add(new Phrase(labels.get(key) + ": ", boldFont(BODY_SIZE, MUTED)));
    paragraph.add(new Phrase(value, font(BODY_SIZE, TEXT)));
    paragraph.setAlignment(Element.ALIGN_RIGHT);
    paragraph.setLeading(BODY_SIZE * 1.4f);
    return paragraph;
  }

  private String date(LocalDate date) {
    return resources.dates(quote.locale()).format(date);
  }

  private Map<String, String> quoteValues() {
    return Map.of("number", quote.number(), "version", Integer.toString(quote.version()));
  }

  // ---- customer and salesperson ----

  private PdfPTable parties() throws DocumentException {
    PdfPTable table = new PdfPTable(new float[] {49, 2, 49});
    table.setWidthPercentage(100);
    table.setSpacingBefore(12);
    table.addCell(panel(labels.get("customer"), customerLines(quote.customer())));
    table.addCell(borderless());
    table.addCell(panel(labels.get("salesperson"), salespersonLines(quote.salesperson())));
    return table;
  }

  private List<String> customerLines(Customer customer) {
    List<String> lines = new ArrayList<>();
    lines.add(customer.name());
    customer.company().ifPresent(lines::add);
    customer.taxId().ifPresent(id -> lines.add(labels.get("taxId") + ": " + id));
    customer.address().ifPresent(lines::add);
    customer.email().ifPresent(email -> lines.add(email.value()));
    return lines;
  }

  private List<String> salespersonLines(Salesperson salesperson) {
    List<String> lines = new ArrayList<>();
    lines.add(salesperson.name());
    lines.add(salesperson.email().value());
    salesperson.phone().ifPresent(phone -> lines.add(labels.get("phone") + " " + phone));
    return lines;
  }

  private PdfPCell panel(String heading, List<String> lines) {
    PdfPCell cell = borderless();
    cell.setBackgroundColor(PANEL);
    cell.setPadding(8);
    cell.setPaddingTop(5);
    cell.addElement(
        paragraph(
            heading.toUpperCase(quote.locale()), boldFont(SMALL_SIZE, settings.accentColor())));
    for (int i = 0; i < lines.size(); i++) {
      Font font = i == 0 ? boldFont(BODY_SIZE + 0.5f, TEXT) : font(BODY_SIZE, TEXT);
      cell.addElement(paragraph(lines.get(i), font));
    }
    return cell;
  }

  // ---- line items ----

  private PdfPTable lines() throws DocumentException {
    List<String[]> rows = new ArrayList<>();
    for (int row = 0; row < quote.items().size(); row++) {
      rows.add(lineValues(row, quote.items().get(row)));
    }
    String[] headers = new String[COLUMNS.size()];
    for (int column = 0; column < headers.length; column++) {
      headers[column] = labels.get(COLUMNS.get(column).labelKey());
    }
    PdfPTable table = new PdfPTable(columnWidths(headers, rows));
    table.setWidthPercentage(100);
    table.setSpacingBefore(14);
    table.setHeaderRows(1);
    // A row that does not fit moves whole to the next page. Only a row taller than a full page
    // is split: setSplitRows(false) would silently drop such a row from the quote.
    table.setSplitLate(true);
    table.setSplitRows(true);
    for (int column = 0; column < headers.length; column++) {
      table.addCell(headerCell(headers[column], COLUMNS.get(column)));
    }
    for (int row = 0; row < rows.size(); row++) {
      for (int column = 0; column < headers.length; column++) {
        table.addCell(itemCell(rows.get(row)[column], row, COLUMNS.get(column)));
      }
    }
    return table;
  }

  private String[] lineValues(int row, LineItem item) {
    String[] values = new String[COLUMNS.size()];
    for (int column = 0; column < values.length; column++) {
      values[column] = COLUMNS.get(column).textOf(row, item, language);
    }
    return values;
  }

  private PdfPCell headerCell(String heading, LineColumn column) {
    PdfPCell cell = new PdfPCell(new Phrase(heading, boldFont(SMALL_SIZE, Color.WHITE)));
    cell.setBackgroundColor(settings.accentColor());
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    return lineCellLayout(cell, column);
  }

  private PdfPCell itemCell(String text, int row, LineColumn column) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font(BODY_SIZE, TEXT)));
    cell.setBorder(Rectangle.BOTTOM);
    cell.setBorderColor(RULE);
    cell.setBorderWidthBottom(0.5f);
    cell.setLeading(0, 1.25f);
    if (row % 2 == 1) {
      cell.setBackgroundColor(ZEBRA);
    }
    return lineCellLayout(cell, column);
  }

  private static PdfPCell lineCellLayout(PdfPCell cell, LineColumn column) {
    cell.setHorizontalAlignment(column.alignment());
    cell.setPadding(CELL_PADDING);
    cell.setPaddingBottom(CELL_PADDING + 1);
    return cell;
  }

  /**
   * Widths follow each column's {@link LineColumn.Content}: figures are as wide as their widest
   * figure or heading (at least the declared width), so numbers never wrap; codes keep their width;
   * prose shares what is left.
   */
  private float[] columnWidths(String[] headers, List<String[]> rows) {
    float[] widths = new float[COLUMNS.size()];
    float others = 0;
    int proseColumns = 0;
    for (int column = 0; column < widths.length; column++) {
      LineColumn declared = COLUMNS.get(column);
      widths[column] = declared.width();
      if (declared.content() == LineColumn.Content.FIGURES) {
        widths[column] = Math.max(widths[column], widestFigure(headers, rows, column));
      }
      if (declared.content() == LineColumn.Content.PROSE) {
        proseColumns++;
      } else {
        others += widths[column];
      }
    }
    float rest = (PageSize.LETTER.getWidth() - 2 * MARGIN - others) / proseColumns;
    for (int column = 0; column < widths.length; column++) {
      if (COLUMNS.get(column).content() == LineColumn.Content.PROSE) {
        widths[column] = Math.max(COLUMNS.get(column).width(), rest);
      }
    }
    return widths;
  }

  /** The width a figures column needs: its widest heading or figure plus the cell's padding. */
  private float widestFigure(String[] headers, List<String[]> rows, int column) {
    float widest = bold.getWidthPoint(headers[column], SMALL_SIZE) + 1;
    for (String[] row : rows) {
      widest = Math.max(widest, regular.getWidthPoint(row[column], BODY_SIZE));
    }
    return widest + 2 * CELL_PADDING + 1;
  }

  // ---- totals and amount in words ----

  private PdfPTable totals() throws DocumentException {
    float available = PageSize.LETTER.getWidth() - 2 * MARGIN;
    PdfPTable outer = new PdfPTable(new float[] {available - TOTALS_WIDTH, TOTALS_WIDTH});
    outer.setWidthPercentage(100);
    outer.setSpacingBefore(10);
    outer.setKeepTogether(true);
    PdfPCell words = borderless();
    words.setPaddingRight(14);
    // A quote's total is 0 to Money.MAX_AMOUNT, which is AmountInWords.MAX: it always has words.
    words.addElement(paragraph(labels.get("amountInWords"), boldFont(SMALL_SIZE, MUTED)));
    words.addElement(
        paragraph("(" + amountInWords(quote.total()) + ")", boldFont(BODY_SIZE, TEXT)));
    outer.addCell(words);
    PdfPCell figures = borderless();
    figures.addElement(totalsTable());
    outer.addCell(figures);
    return outer;
  }

  private PdfPTable totalsTable() throws DocumentException {
    List<String[]> rows = new ArrayList<>();
    Money discount = quote.discountTotal();
    if (discount.amount().signum() != 0) {
      // Shown before the subtotal so the column adds up: gross - discount = subtotal.
      rows.add(new String[] {labels.get("totals.gross"), money(quote.subtotal().plus(discount))});
      rows.add(new String[] {labels.get("totals.discount"), "-" + money(discount)});
    }
    rows.add(new String[] {labels.get("totals.subtotal"), money(quote.subtotal())});
    String rate = MoneyFormat.percent(quote.taxRatePercent());
    rows.add(new String[] {labels.format("totals.tax", Map.of("rate", rate)), money(quote.tax())});
    String total = money(quote.total());
    // The amount column fits the total, the widest figure, so no amount ever wraps.
    float amountWidth = bold.getWidthPoint(total, TOTAL_SIZE) + 2 * CELL_PADDING + 2;
    PdfPTable table =
        new PdfPTable(new float[] {Math.max(TOTALS_WIDTH - amountWidth, 60), amountWidth});
    table.setWidthPercentage(100);
    for (String[] row : rows) {
      totalsRow(table, row[0], row[1], false);
    }
    totalsRow(table, labels.get("totals.total"), total, true);
    return table;
  }

  private void totalsRow(PdfPTable table, String label, String amount, boolean grand) {
    Font labelFont = grand ? boldFont(TOTAL_SIZE, Color.WHITE) : font(BODY_SIZE, MUTED);
    Font amountFont = grand ? boldFont(TOTAL_SIZE, Color.WHITE) : font(BODY_SIZE, TEXT);
    for (PdfPCell cell :
        List.of(
            new PdfPCell(new Phrase(label, labelFont)),
            new PdfPCell(new Phrase(amount, amountFont)))) {
      cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
      cell.setPadding(CELL_PADDING);
      cell.setPaddingBottom(CELL_PADDING + 1);
      cell.setBorder(grand ? Rectangle.NO_BORDER : Rectangle.BOTTOM);
      cell.setBorderColor(RULE);
      cell.setBorderWidthBottom(0.5f);
      if (grand) {
        cell.setBackgroundColor(settings.accentColor());
      }
      table.addCell(cell);
    }
  }

  private String amountInWords(Money total) {
    return language == DocumentLanguage.ENGLISH
        ? AmountInWords.english(total)
        : AmountInWords.spanish(total);
  }

  private String money(Money money) {
    return MoneyFormat.format(money, language);
  }

  // ---- notes and terms ----

  private void addNotesAndTerms(Document document) throws DocumentException {
    if (quote.notes().isPresent()) {
      document.add(heading(labels.get("notes")));
      document.add(paragraph(quote.notes().get(), font(BODY_SIZE, TEXT)));
    }
    if (!quote.terms().isEmpty()) {
      document.add(heading(labels.get("terms")));
      for (int i = 0; i < quote.terms().size(); i++) {
        Paragraph term = paragraph((i + 1) + ".  " + quote.terms().get(i), font(BODY_SIZE, TEXT));
        term.setIndentationLeft(12);
        term.setFirstLineIndent(-12);
        document.add(term);
      }
    }
  }

  private Paragraph heading(String text) {
    Paragraph heading = paragraph(text, boldFont(BODY_SIZE + 0.5f, settings.accentColor()));
    heading.setSpacingBefore(12);
    heading.setSpacingAfter(3);
    return heading;
  }

  // ---- small helpers ----

  private Font font(float size, Color color) {
    return new Font(regular, size, Font.NORMAL, color);
  }

  private Font boldFont(float size, Color color) {
    return new Font(bold, size, boldStyle, color);
  }

  private static Paragraph paragraph(String text, Font font) {
    Paragraph paragraph = new Paragraph(text, font);
    paragraph.setLeading(font.getSize() * 1.35f);
    return paragraph;
  }

  private static Paragraph rightAligned(String text, Font font) {
    Paragraph paragraph = paragraph(text, font);
    paragraph.setAlignment(Element.ALIGN_RIGHT);
    return paragraph;
  }

  private static PdfPCell borderless() {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    return cell;
  }
}
