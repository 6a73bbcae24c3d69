package io.github.quotemailer.quote;

import io.github.quotemailer.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in a currency, exact to the cent: {@link BigDecimal}, never {@code double}. Amounts are
 * kept at two decimals; arithmetic that can produce more rounds {@link RoundingMode#HALF_UP}.
 *
 * @param amount the amount, scale 2
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {
  /** Decimals every stored amount has: quotes are priced to the cent. */
  public static final int SCALE = 2;

  /** Validates and normalises the amount to two decimals; more decimals are rejected. */
  public Money {
    if (amount == null) {
      throw new InvalidInputException("amount", "is required");
    }
    if (currency == null) {
      throw new InvalidInputException("currency", "is required");
    }
    if (amount.stripTrailingZeros().scale() > SCALE) {
      throw new InvalidInputException(
          "amount", amount.toPlainString() + " has more than " + SCALE + " decimals");
    }
    amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  /** Parses {@code amount} (e.g. {@code "18450.00"}) in the currency with ISO code {@code code}. */
  public static Money of(String amount, String code) {
    return new Money(parse("amount", amount), currency(code));
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** Rounds {@code value} to cents, HALF_UP, in {@code currency}. */
  public static Money rounded(BigDecimal value, Currency currency) {
    return new Money(value.setScale(SCALE, RoundingMode.HALF_UP), currency);
  }

  /** This plus {@code other}, which must be in the same currency. */
  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new InvalidInputException(
          "currency", "cannot add " + other.currency + " to " + currency + " amounts");
    }
    return new Money(amount.add(other.amount), currency);
  }

  /** Whether the amount is below zero. */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** Parses a decimal written with a dot, naming {@code field} when it is not a number. */
  public static BigDecimal parse(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "'" + value + "' is not a decimal number");
    }
  }

  /** Looks up an ISO 4217 currency, naming the field when the code is unknown. */
  public static Currency currency(String code) {
    if (code == null || code.isBlank()) {
      throw new InvalidInputException("currency", "is required");
    }
    try {
      return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "currency", "'" + code + "' is not an ISO 4217 currency code");
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
