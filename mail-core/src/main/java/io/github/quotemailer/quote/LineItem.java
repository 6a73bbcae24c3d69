package io.github.quotemailer.quote;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of a quote. Its amount is {@code quantity x unitPrice x (1 - discountPercent/100)},
 * rounded to cents HALF_UP. Quantity x unit price must fit {@link Money#MAX_AMOUNT}, so the amounts
 * of a valid line can always be computed.
 *
 * @param sku the article code, if any
 * @param description what is sold; may wrap over several lines in the PDF
 * @param quantity how many; positive, may be fractional (12.5 m), at most {@value
 *     Money#MAX_INTEGER_DIGITS} integer digits and {@value #MAX_QUANTITY_DECIMALS} decimals
 * @param unit the unit of measure (pza, m, servicio), if any
 * @param unitPrice price of one unit, at most two decimals, not negative
 * @param discountPercent discount from 0 to 100, at most {@value #MAX_PERCENT_DECIMALS} decimals
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

  /** Decimals a quantity may have: enough for 12.5 m or 0.0001 t, never an absurd scale. */
  public static final int MAX_QUANTITY_DECIMALS = 4;

  /** Decimals a percentage (discount, tax rate) may have: 12.3456 %, never an absurd scale. */
  public static final int MAX_PERCENT_DECIMALS = 4;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Validates every field; errors name it ({@code items[].quantity} and so on). */
  public LineItem {
    sku = Arguments.optionalText("items[].sku", sku, 64);
    description =
        Arguments.optionalMultiline("items[].description", description, 2000)
            .orElseThrow(() -> new InvalidInputException("items[].description", "is required"));
    quantity = checkQuantity(quantity);
    unit = Arguments.optionalText("items[].unit", unit, 32);
    Arguments.present("items[].unitPrice", unitPrice);
    if (unitPrice.isNegative()) {
      throw new InvalidInputException("items[].unitPrice", unitPrice + " must not be negative");
    }
    discountPercent =
        percent(
            "items[].discountPercent", discountPercent == null ? BigDecimal.ZERO : discountPercent);
    BigDecimal gross = quantity.multiply(unitPrice.amount());
    if (gross.compareTo(Money.MAX_AMOUNT) > 0) {
      throw new InvalidInputException(
          "items[].quantity",
          Money.shown(quantity)
              + "x "
              + unitPrice
              + " is more than the largest amount, "
              + Money.MAX_AMOUNT.toPlainString());
    }
  }

  /** A line with no SKU, unit or discount, taxed. */
  public static LineItem of(String description, String quantity, Money unitPrice) {
    return builder(description, quantity, unitPrice).build();
  }

  /** Starts a builder with the required parts; SKU, unit and discount are optional, taxed. */
  public static Builder builder(String description, BigDecimal quantity, Money unitPrice) {
    return new Builder(description, quantity, unitPrice);
  }

  /** Like {@link #builder(String, BigDecimal, Money)}, parsing the quantity ({@code "12.5"}). */
  public static Builder builder(String description, String quantity, Money unitPrice) {
    return new Builder(description, Money.parse("items[].quantity", quantity), unitPrice);
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

  private static BigDecimal checkQuantity(BigDecimal quantity) {
    Arguments.present("items[].quantity", quantity);
    Money.checkIntegerDigits("items[].quantity", quantity);
    if (quantity.signum() <= 0) {
      throw new InvalidInputException(
          "items[].quantity", Money.shown(quantity) + "must be greater than zero");
    }
    if (Money.decimals(quantity) > MAX_QUANTITY_DECIMALS) {
      throw new InvalidInputException(
          "items[].quantity",
          Money.shown(quantity) + "has more than " + MAX_QUANTITY_DECIMALS + " decimals");
    }
    return Money.normalized(quantity, MAX_QUANTITY_DECIMALS);
  }

  /**
   * Checks a percentage: 0 to 100, at most {@value #MAX_PERCENT_DECIMALS} decimals; returns it with
   * a scale from 0 to {@value #MAX_PERCENT_DECIMALS}. The error names {@code field}.
   */
  static BigDecimal percent(String field, BigDecimal value) {
    // compareTo looks at magnitudes first, so even 1e999999999 is rejected at once.
    if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
      throw new InvalidInputException(field, Money.shown(value) + "is outside 0-100");
    }
    if (Money.decimals(value) > MAX_PERCENT_DECIMALS) {
      throw new InvalidInputException(
          field, Money.shown(value) + "has more than " + MAX_PERCENT_DECIMALS + " decimals");
    }
    return Money.normalized(value, MAX_PERCENT_DECIMALS);
  }

  /** Builds a {@link LineItem}; the record's constructor validates. */
  public static final class Builder {
    private final String description;
    private final BigDecimal quantity;
    private final Money unitPrice;
    private Optional<String> sku = Optional.empty();
    private Optional<String> unit = Optional.empty();
    private BigDecimal discountPercent = BigDecimal.ZERO;
    private boolean taxExempt;

    private Builder(String description, BigDecimal quantity, Money unitPrice) {
      this.description = description;
      this.quantity = quantity;
      this.unitPrice = unitPrice;
    }

    /** Sets the article code; null or blank means none. */
    public Builder sku(@Nullable String sku) {
      this.sku = Optional.ofNullable(sku);
      return this;
    }

    /** Sets the unit of measure (pza, m, servicio); null or blank means none. */
    public Builder unit(@Nullable String unit) {
      this.unit = Optional.ofNullable(unit);
      return this;
    }

    /** Sets the discount in percent, 0 to 100; null means none. */
    public Builder discountPercent(@Nullable BigDecimal discountPercent) {
      this.discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
      return this;
    }

    /**
     * Parses and sets the discount in percent ({@code "5"}, {@code "12.5"}); null or blank means
     * none.
     */
    public Builder discountPercent(@Nullable String discountPercent) {
      return discountPercent(
          discountPercent == null || discountPercent.isBlank()
              ? null
              : Money.parse("items[].discountPercent", discountPercent));
    }

    /** Sets whether the line is outside the quote's tax. */
    public Builder taxExempt(boolean taxExempt) {
      this.taxExempt = taxExempt;
      return this;
    }

    /** Validates and builds. */
    public LineItem build() {
      return new LineItem(sku, description, quantity, unit, unitPrice, discountPercent, taxExempt);
    }
  }
}
