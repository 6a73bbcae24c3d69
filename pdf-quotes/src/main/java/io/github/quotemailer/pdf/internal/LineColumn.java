package io.github.quotemailer.pdf.internal;

import com.lowagie.text.Element;
import io.github.quotemailer.quote.LineItem;

/**
 * The columns of the line-item table, in the order they are printed. Each column declares its
 * heading, width, kind of content (which sets its alignment) and cell text together, so adding or
 * moving a column is one change in one place. Widths are in points; the text area is 532 wide.
 */
enum LineColumn {
  INDEX("index", 20, Content.FIGURES, (row, item, language) -> Integer.toString(row + 1)),
  SKU("sku", 74, Content.CODE, (row, item, language) -> item.sku().orElse("")),
  DESCRIPTION("description", 110, Content.PROSE, (row, item, language) -> item.description()),
  QUANTITY(
      "quantity",
      38,
      Content.FIGURES,
      (row, item, language) -> MoneyFormat.quantity(item.quantity())),
  UNIT("unit", 46, Content.CODE, (row, item, language) -> item.unit().orElse("")),
  UNIT_PRICE(
      "unitPrice",
      66,
      Content.FIGURES,
      (row, item, language) -> MoneyFormat.format(item.unitPrice(), language)),
  DISCOUNT(
      "discount",
      42,
      Content.FIGURES,
      (row, item, language) ->
          item.discountPercent().signum() == 0 ? "—" : MoneyFormat.percent(item.discountPercent())),
  AMOUNT(
      "amount",
      72,
      Content.FIGURES,
      (row, item, language) -> MoneyFormat.format(item.amount(), language));

  /** What a column holds, which decides its alignment and how its width is found. */
  enum Content {
    /**
     * Numbers: right-aligned so digits line up, and at least the declared width, wider when a
     * figure or the heading needs it, so a number never wraps.
     */
    FIGURES,
    /** Short codes such as SKU and unit: left-aligned, always the declared width. */
    CODE,
    /**
     * Free text: left-aligned, and what the other columns leave of the text area, but never less
     * than the declared width.
     */
    PROSE
  }

  /** The text of one cell, from the item's zero-based row. */
  @FunctionalInterface
  interface CellText {
    String of(int row, LineItem item, DocumentLanguage language);
  }

  private final String labelKey;
  private final float width;
  private final Content content;
  private final CellText text;

  LineColumn(String key, float width, Content content, CellText text) {
    this.labelKey = "column." + key;
    this.width = width;
    this.content = content;
    this.text = text;
  }

  /** The key of the heading in the labels bundle. */
  String labelKey() {
    return labelKey;
  }

  /** The declared width in points: see {@link Content} for what it means for each kind. */
  float width() {
    return width;
  }

  /** What the column holds. */
  Content content() {
    return content;
  }

  /** {@link Element#ALIGN_RIGHT} for figures, {@link Element#ALIGN_LEFT} for text. */
  int alignment() {
    return content == Content.FIGURES ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
  }

  /** What the cell of this column shows for {@code item} on zero-based {@code row}. */
  String textOf(int row, LineItem item, DocumentLanguage language) {
    return text.of(row, item, language);
  }
}
