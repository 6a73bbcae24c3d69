package io.github.quotemailer.pdf.internal;

import io.github.quotemailer.quote.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prints amounts and quantities with a comma for thousands and a dot for decimals, as both Mexico
 * and English-speaking countries write them. The currency goes before the figure:
 *
 * <ul>
 *   <li>MXN: {@code $108,522.35} in Spanish (the home currency needs no mark) and {@code
 *       MX$108,522.35} in English, where a bare {@code $} would be read as US dollars;
 *   <li>USD: {@code US$1,234.00} in both languages, so a Mexican reader never takes it for pesos;
 *   <li>EUR: {@code €1,234.00};
 *   <li>any other currency: its ISO code, {@code GBP 1,234.00}.
 * </ul>
 *
 * <p>Figures are written from the {@link BigDecimal}'s digits, never through {@code double}, and
 * without a {@link java.text.DecimalFormat}: that is not thread-safe, so it would have to be built
 * for every amount of every document.
 */
public final class MoneyFormat {
  private MoneyFormat() {}

  /** {@code $108,522.35}, {@code -$4,470.00}, {@code US$1,234.00}. */
  public static String format(Money money, DocumentLanguage language) {
    BigDecimal amount = money.amount();
    String figure = grouped(amount.abs().setScale(2, RoundingMode.HALF_UP).toPlainString());
    String sign = amount.signum() < 0 ? "-" : "";
    return sign + symbol(money.currency().getCurrencyCode(), language) + figure;
  }

  /**
   * A quantity with thousands separators and only the decimals it needs: {@code 12.5}, {@code
   * 1,500}.
   */
  public static String quantity(BigDecimal quantity) {
    String sign = quantity.signum() < 0 ? "-" : "";
    return sign + grouped(upToFourDecimals(quantity.abs()));
  }

  /** A percentage without trailing zeros: {@code 5}, {@code 12.5}. */
  public static String percent(BigDecimal percent) {
    String sign = percent.signum() < 0 ? "-" : "";
    return sign + upToFourDecimals(percent.abs());
  }

  // Rounded half up (display only: quantities and rates already have at most four decimals).
  private static String upToFourDecimals(BigDecimal value) {
    return value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** {@code 1234567.5} becomes {@code 1,234,567.5}. */
  private static String grouped(String plain) {
    int dot = plain.indexOf('.');
    int integerDigits = dot < 0 ? plain.length() : dot;
    StringBuilder text = new StringBuilder(plain.length() + integerDigits / 3);
    for (int i = 0; i < integerDigits; i++) {
      if (i > 0 && (integerDigits - i) % 3 == 0) {
        text.append(',');
      }
      text.append(plain.charAt(i));
    }
    return text.append(plain, integerDigits, plain.length()).toString();
  }

  private static String symbol(String code, DocumentLanguage language) {
    switch (code) {
      case "MXN":
        return language == DocumentLanguage.SPANISH ? "$" : "MX$";
      case "USD":
        return "US$";
      case "EUR":
        return "€";
      default:
        return code + " ";
    }
  }
}
