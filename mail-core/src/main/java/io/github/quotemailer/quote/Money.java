package io.github.quotemailer.quote;

import io.github.quotemailer.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount in a currency, exact to the cent: {@link BigDecimal}, never {@code double}. Amounts are
 * kept at two decimals; arithmetic that can produce more rounds {@link RoundingMode#HALF_UP}. Every
 * amount has at most {@value #MAX_INTEGER_DIGITS} integer digits, so at most {@link #MAX_AMOUNT}
 * either way (README, "Quote JSON").
 *
 * @param amount the amount, scale 2
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {
  /** Decimals every stored amount has: quotes are priced to the cent. */
  public static final int SCALE = 2;

  /**
   * Integer digits an amount (or a quantity) may have: far above any real quote, and small enough
   * that every amount, in cents, fits a {@code long} and a SQL {@code DECIMAL(17,2)} column.
   */
  public static final int MAX_INTEGER_DIGITS = 15;

  /** The largest amount, 999,999,999,999,999.99; its negative is the smallest. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");

  /**
   * Longest decimal text {@link #parse} reads: a sign, 15 digits, a dot and a few decimals need 21;
   * the rest leaves room for trailing zeros, while a megabyte of digits is refused unread.
   */
  public static final int MAX_DECIMAL_LENGTH = 40;

  // Plain notation only: an exponent would let "1e400" stand for a 401-digit number, and
  // new BigDecimal(String) alone would accept any Unicode digit, such as full-width ones.
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]+(?:\\.[0-9]+)?");
  private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]*");

  /** Validates and normalises the amount to two decimals; more decimals are rejected. */
  public Money {
    if (amount == null) {
      throw new InvalidInputException("amount", "is required");
    }
    if (currency == null) {
      throw new InvalidInputException("currency", "is required");
    }
    checkIntegerDigits("amount", amount);
    if (decimals(amount) > SCALE) {
      throw new InvalidInputException(
          "amount", shown(amount) + "has more than " + SCALE + " decimals");
    }
    amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY); // cheap: at most 2 decimals needed
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
    // Bounded before rounding: setScale on 1e999999999 would try to write out a billion digits.
    checkIntegerDigits("amount", value);
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

  /**
   * Parses a plain decimal: an optional sign, ASCII digits, and optionally a dot and more digits
   * ({@code 18450.00}, {@code -3}, {@code 12.5}); no exponent, no grouping, at most {@value
   * #MAX_INTEGER_DIGITS} integer digits and {@value #MAX_DECIMAL_LENGTH} characters. Errors name
   * {@code field}.
   */
  public static BigDecimal parse(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    String text = value.trim();
    if (text.length() > MAX_DECIMAL_LENGTH) {
      throw new InvalidInputException(
          field,
          "is "
              + text.length()
              + " characters long; a decimal number has at most "
              + MAX_DECIMAL_LENGTH);
    }
    if (!PLAIN_DECIMAL.matcher(text).matches()) {
      throw new InvalidInputException(
          field,
          quoted(text)
              + "is not a plain decimal number such as 1250.50 (ASCII digits, an optional sign"
              + " and decimal point, no exponent)");
    }
    BigDecimal number = new BigDecimal(text);
    checkIntegerDigits(field, number);
    return number;
  }

  /**
   * Rejects {@code value} when it has more than {@value #MAX_INTEGER_DIGITS} integer digits,
   * without expanding it, so {@code 1e999999999} costs nothing; the error names {@code field}.
   */
  static void checkIntegerDigits(String field, BigDecimal value) {
    long integerDigits = (long) value.precision() - value.scale();
    if (integerDigits > MAX_INTEGER_DIGITS) {
      throw new InvalidInputException(
          field,
          "has "
              + integerDigits
              + " integer digits; at most "
              + MAX_INTEGER_DIGITS
              + " are allowed (up to "
              + MAX_AMOUNT.toPlainString()
              + ")");
    }
  }

  /**
   * {@code "12.5 "} for a number short enough to print in an error message; nothing for one such as
   * {@code 1e-999999999}, whose plain form would be a billion characters.
   */
  static String shown(BigDecimal value) {
    long integerDigits = (long) value.precision() - value.scale();
    return integerDigits <= MAX_INTEGER_DIGITS + 5 && value.scale() <= 10
        ? value.toPlainString() + " "
        : "";
  }

  /**
   * {@code value} with a scale from 0 to {@code maxDecimals}, once {@link #decimals} has checked it
   * needs no more: {@code 1E+3} becomes {@code 1000}, and {@code 0E-999999999} becomes {@code
   * 0.0000} instead of making every later sum align to a billion decimals.
   */
  static BigDecimal normalized(BigDecimal value, int maxDecimals) {
    int scale = Math.max(0, Math.min(value.scale(), maxDecimals));
    return value.setScale(scale, RoundingMode.UNNECESSARY);
  }

  /** The decimals {@code value} needs, ignoring trailing zeros; 0 for whole numbers. */
  static int decimals(BigDecimal value) {
    // The cheap test first: stripping zeros is only needed when the scale is large.
    if (value.scale() <= 0) {
      return 0;
    }
    return Math.max(0, value.stripTrailingZeros().scale());
  }

  /** Looks up an ISO 4217 currency, naming the field when the code is unknown. */
  public static Currency currency(String code) {
    if (code == null || code.isBlank()) {
      throw new InvalidInputException("currency", "is required");
    }
    String text = code.strip();
    if (text.length() == 3 && text.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
      try {
        return Currency.getInstance(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // falls through to the same message as any other unknown code
      }
    }
    throw new InvalidInputException(
        "currency", quoted(text) + "is not an ISO 4217 currency code (such as MXN or USD)");
  }

  /** {@code 'text' } for short printable ASCII values; nothing for anything else. */
  private static String quoted(String text) {
    return text.length() <= MAX_DECIMAL_LENGTH && PRINTABLE_ASCII.matcher(text).matches()
        ? "'" + text + "' "
        : "";
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
