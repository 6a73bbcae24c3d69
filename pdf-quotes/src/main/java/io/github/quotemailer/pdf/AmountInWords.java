package io.github.quotemailer.pdf;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.pdf.internal.EnglishNumerals;
import io.github.quotemailer.pdf.internal.SpanishNumerals;
import io.github.quotemailer.quote.Money;
import java.math.BigDecimal;

/**
 * Writes an amount in words, the way Mexican quotes and invoices print the total under the figures
 * ("importe con letra"): {@code CIENTO OCHO MIL QUINIENTOS VEINTIDÓS PESOS 35/100 M.N.} or {@code
 * One hundred eight thousand five hundred twenty-two and 35/100 Mexican pesos}. The renderer prints
 * the result in parentheses.
 *
 * <p>Named currencies: MXN (pesos, "M.N."), USD (dollars) and EUR (euros). Any other currency is
 * written by its ISO code after the cents: {@code MIL 00/100 GBP}, {@code One thousand and 00/100
 * GBP}. Amounts from 0.00 to 999,999,999,999,999.99 ({@link Money#MAX_AMOUNT}) are supported:
 * Spanish in the long scale ({@code MIL MILLONES}, {@code UN BILLÓN}), English in the short scale
 * ({@code One billion}, {@code One trillion}).
 */
public final class AmountInWords {
  /**
   * The largest amount spelled: {@link Money#MAX_AMOUNT}, the largest a {@link Money} and a quote's
   * total can be, so every valid quote has its total in words.
   */
  public static final BigDecimal MAX = Money.MAX_AMOUNT;

  private AmountInWords() {}

  /**
   * Spanish (Mexico), capitals: {@code UN PESO 00/100 M.N.}, {@code VEINTIÚN PESOS 00/100 M.N.},
   * {@code UN MILLÓN DE PESOS 00/100 M.N.}, {@code MIL MILLONES DE PESOS 00/100 M.N.}, {@code MIL
   * DÓLARES 00/100 USD}.
   *
   * @throws InvalidInputException naming "amount" when it is negative
   */
  public static String spanish(Money money) {
    long whole = wholeUnits(money);
    SpanishCurrency currency = SpanishCurrency.of(money.currency().getCurrencyCode());
    StringBuilder out = new StringBuilder(SpanishNumerals.words(whole, true));
    if (!currency.singular().isEmpty()) {
      if (whole >= 1_000_000 && whole % 1_000_000 == 0) {
        // "UN MILLÓN DE PESOS", "MIL MILLONES DE PESOS", "UN BILLÓN DE PESOS",
        // but "UN MILLÓN QUINIENTOS MIL PESOS"
        out.append(" DE");
      }
      out.append(' ').append(whole == 1 ? currency.singular() : currency.plural());
    }
    return out.append(' ')
        .append(cents(money))
        .append("/100 ")
        .append(currency.suffix())
        .toString();
  }

  /**
   * English, sentence case: {@code One and 00/100 Mexican pesos}, {@code Twenty-one thousand and
   * 00/100 US dollars}, {@code One trillion two hundred billion and 00/100 Mexican pesos}.
   *
   * @throws InvalidInputException naming "amount" when it is negative
   */
  public static String english(Money money) {
    long whole = wholeUnits(money);
    String words = EnglishNumerals.words(whole);
    String capitalised = Character.toUpperCase(words.charAt(0)) + words.substring(1);
    return capitalised
        + " and "
        + cents(money)
        + "/100 "
        + englishCurrency(money.currency().getCurrencyCode());
  }

  private static long wholeUnits(Money money) {
    BigDecimal amount = money.amount();
    // No upper check: a Money is at most Money.MAX_AMOUNT, which is MAX.
    if (amount.signum() < 0) {
      throw new InvalidInputException(
          "amount",
          amount.toPlainString()
              + " cannot be written in words; the range is 0-"
              + MAX.toPlainString());
    }
    return amount.longValue();
  }

  private static String cents(Money money) {
    int cents =
        money.amount().remainder(BigDecimal.ONE).movePointRight(Money.SCALE).intValueExact();
    return cents < 10 ? "0" + cents : Integer.toString(cents);
  }

  private static String englishCurrency(String code) {
    switch (code) {
      case "MXN":
        return "Mexican pesos";
      case "USD":
        return "US dollars";
      case "EUR":
        return "euros";
      default:
        return code;
    }
  }

  /** Names of a currency in Spanish: "PESO"/"PESOS" and the closing mark ("M.N."). */
  private record SpanishCurrency(String singular, String plural, String suffix) {
    static SpanishCurrency of(String code) {
      switch (code) {
        case "MXN":
          return new SpanishCurrency("PESO", "PESOS", "M.N.");
        case "USD":
          return new SpanishCurrency("DÓLAR", "DÓLARES", "USD");
        case "EUR":
          return new SpanishCurrency("EURO", "EUROS", "EUR");
        default:
          return new SpanishCurrency("", "", code);
      }
    }
  }
}
