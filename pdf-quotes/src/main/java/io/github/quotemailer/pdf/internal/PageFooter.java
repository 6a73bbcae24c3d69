package io.github.quotemailer.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the footer of every page: a rule, the quote's reference at the left and "Página X de Y" at
 * the right. Y is unknown until the last page, so each page gets an empty template that is filled
 * when the document closes; that keeps the text right-aligned whatever the number of digits.
 */
final class PageFooter extends PdfPageEventHelper {
  private static final float SIZE = 7.5f;
  private static final float PAGE_BOX_WIDTH = 160f;

  private final BaseFont font;
  private final String reference;
  private final String pagePattern;
  private final Color textColor;
  private final Color ruleColor;
  private final List<PdfTemplate> pageNumbers = new ArrayList<>();

  /**
   * @param pagePattern text with {@code {page}} and {@code {pages}}, e.g. "Página {page} de
   *     {pages}"
   */
  PageFooter(
      BaseFont font, String reference, String pagePattern, Color textColor, Color ruleColor) {
    this.font = font;
    this.reference = reference;
    this.pagePattern = pagePattern;
    this.textColor = textColor;
    this.ruleColor = ruleColor;
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    PdfContentByte canvas = writer.getDirectContent();
    float left = document.left();
    float right = document.right();
    float ruleY = document.bottom() - 16;
    float textY = ruleY - 12;

    canvas.saveState();
    canvas.setColorStroke(ruleColor);
    canvas.setLineWidth(0.5f);
    canvas.moveTo(left, ruleY);
    canvas.lineTo(right, ruleY);
    canvas.stroke();
    canvas.restoreState();

    canvas.saveState();
    canvas.beginText();
    canvas.setColorFill(textColor);
    canvas.setFontAndSize(font, SIZE);
    canvas.showTextAligned(Element.ALIGN_LEFT, reference, left, textY, 0);
    canvas.endText();
    canvas.restoreState();

    PdfTemplate pageNumber = canvas.createTemplate(PAGE_BOX_WIDTH, SIZE * 2);
    canvas.addTemplate(pageNumber, right - PAGE_BOX_WIDTH, textY - SIZE / 2);
    pageNumbers.add(pageNumber);
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    String pages = Integer.toString(pageNumbers.size());
    for (int i = 0; i < pageNumbers.size(); i++) {
      String text =
          pagePattern.replace("{page}", Integer.toString(i + 1)).replace("{pages}", pages);
      PdfTemplate template = pageNumbers.get(i);
      template.beginText();
      template.setColorFill(textColor);
      template.setFontAndSize(font, SIZE);
      template.showTextAligned(Element.ALIGN_RIGHT, text, PAGE_BOX_WIDTH, SIZE / 2, 0);
      template.endText();
    }
  }
}
