package io.github.quotemailer.pdf.internal;

import io.github.quotemailer.quote.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

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
 * <p>Formats are built per call because {@link DecimalFormat} is not thread-safe; they format the
 * {@link BigDecimal} exactly, never through {@code double}.
 */
public final class MoneyFormat {
  private MoneyFormat() {}

  /** {@code $108,522.35}, {@code -$4,470.00}, {@code US$1,234.00}. */
  public static String format(Money money, DocumentLanguage language) {
    BigDecimal amount = money.amount();
    String figure = decimalFormat("#,##0.00").format(amount.abs());
    String sign = amount.signum() < 0 ? "-" : "";
    return sign + symbol(money.currency().getCurrencyCode(), language) + figure;
  }

  /**
   * A quantity with thousands separators and only the decimals it needs: {@code 12.5}, {@code
   * 1,500}.
   */
  public static String quantity(BigDecimal quantity) {
    return decimalFormat("#,##0.####").format(quantity);
  }

  /** A percentage without trailing zeros: {@code 5}, {@code 12.5}. */
  public static String percent(BigDecimal percent) {
    return decimalFormat("0.####").format(percent);
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

  private static DecimalFormat decimalFormat(String pattern) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
    format.setParseBigDecimal(true);
    format.setRoundingMode(RoundingMode.HALF_UP); // display only: money is already to the cent
    return format;
  }
}
