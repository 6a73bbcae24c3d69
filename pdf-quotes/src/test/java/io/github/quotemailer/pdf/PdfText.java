package io.github.quotemailer.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** A rendered PDF parsed back with PDFBox: what a reader of the document would see. */
final class PdfText {
  private final List<String> pages;
  private final List<PDFont> fonts;
  private final PdfInfo info;

  /** The document information a viewer shows under "Properties". */
  record PdfInfo(String title, String author, String subject, String creator) {}

  private PdfText(List<String> pages, List<PDFont> fonts, PdfInfo info) {
    this.pages = pages;
    this.fonts = fonts;
    this.info = info;
  }

  static PdfText parse(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(stripper.getText(document));
      }
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        collectFonts(page.getResources(), fonts);
      }
      var information = document.getDocumentInformation();
      PdfInfo info =
          new PdfInfo(
              information.getTitle(),
              information.getAuthor(),
              information.getSubject(),
              information.getCreator());
      return new PdfText(pages, fonts, info);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Fonts used directly on the page and inside its form XObjects (the page-number templates).
  private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      fonts.add(resources.getFont(name));
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject xobject = resources.getXObject(name);
      if (xobject instanceof PDFormXObject form) {
        collectFonts(form.getResources(), fonts);
      }
    }
  }

  int pageCount() {
    return pages.size();
  }

  String page(int number) {
    return pages.get(number - 1);
  }

  /** All text, whitespace runs collapsed to one space so wrapped cells read as one line. */
  String normalized() {
    return normalize(String.join(" ", pages));
  }

  static String normalize(String text) {
    return text.replaceAll("\\s+", " ");
  }

  List<PDFont> fonts() {
    return fonts;
  }

  PdfInfo info() {
    return info;
  }

  /** How many times {@code needle} occurs in the normalized text. */
  int occurrences(String needle) {
    String haystack = normalized();
    int count = 0;
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
