package io.github.quotemailer.quote;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.internal.Checks;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One line of a quote. Its amount is {@code quantity x unitPrice x (1 - discountPercent/100)},
 * rounded to cents HALF_UP.
 *
 * @param sku the article code, if any
 * @param description what is sold; may wrap over several lines in the PDF
 * @param quantity how many; positive, may be fractional (12.5 m)
 * @param unit the unit of measure (pza, m, servicio), if any
 * @param unitPrice price of one unit, at most two decimals, not negative
 * @param discountPercent discount from 0 to 100
 * @param taxExempt whether the line is outside the quote's tax
 */
public record LineItem(
    Optional<String> sku,
    String description,
    BigDecimal quantity,
    Optional<String> unit,
    Money unitPrice,
    BigDecimal discountPercent,
    boolean taxExempt) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Validates every field; errors name it ({@code items[].quantity} and so on). */
  public LineItem {
    sku = Checks.optionalText("items[].sku", sku, 64);
    description =
        Checks.optionalMultiline("items[].description", description, 2000)
            .orElseThrow(() -> new InvalidInputException("items[].description", "is required"));
    Checks.present("items[].quantity", quantity);
    if (quantity.signum() <= 0) {
      throw new InvalidInputException(
          "items[].quantity", quantity.toPlainString() + " must be greater than zero");
    }
    if (quantity.stripTrailingZeros().scale() > 4) {
      throw new InvalidInputException(
          "items[].quantity", quantity.toPlainString() + " has more than 4 decimals");
    }
    unit = Checks.optionalText("items[].unit", unit, 32);
    Checks.present("items[].unitPrice", unitPrice);
    if (unitPrice.isNegative()) {
      throw new InvalidInputException("items[].unitPrice", unitPrice + " must not be negative");
    }
    discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
    if (discountPercent.signum() < 0 || discountPercent.compareTo(HUNDRED) > 0) {
      throw new InvalidInputException(
          "items[].discountPercent", discountPercent.toPlainString() + " is outside 0-100");
    }
  }

  /** A line with no SKU, unit or discount, taxed. */
  public static LineItem of(String description, String quantity, Money unitPrice) {
    return new LineItem(
        Optional.empty(),
        description,
        Money.parse("items[].quantity", quantity),
        Optional.empty(),
        unitPrice,
        BigDecimal.ZERO,
        false);
  }

  /** Quantity x unit price before the discount, rounded to cents. */
  public Money grossAmount() {
    return Money.rounded(quantity.multiply(unitPrice.amount()), unitPrice.currency());
  }

  /** Quantity x unit price x (1 - discount/100), rounded to cents HALF_UP. */
  public Money amount() {
    // (100 - d) / 100 is exact with movePointLeft, so only the final rounding happens.
    BigDecimal exact =
        quantity
            .multiply(unitPrice.amount())
            .multiply(HUNDRED.subtract(discountPercent))
            .movePointLeft(2);
    return Money.rounded(exact, unitPrice.currency());
  }
}
