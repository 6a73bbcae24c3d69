package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.quote.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * AmountInWords.spanish agrees with a second, recursive speller written here on purpose in another
 * style: it spells full forms and shortens "UNO" by rewriting the text, where the production code
 * works group by group with a flag.
 */
class SpanishWordsPropertyTest {
  private static final Currency MXN = Currency.getInstance("MXN");

  @Property(tries = 2000)
  void spanishMatchesRecursiveSpelling(@ForAll("amounts") BigDecimal amount) {
    assertThat(AmountInWords.spanish(new Money(amount, MXN))).isEqualTo(Recursive.pesos(amount));
  }

  /**
   * Amounts with 1 to {@value Money#MAX_INTEGER_DIGITS} integer digits (up to {@link
   * Money#MAX_AMOUNT}) equally likely, so small numbers are tried as often as billones.
   */
  @Provide
  Arbitrary<BigDecimal> amounts() {
    Arbitrary<Long> whole =
        Arbitraries.integers()
            .between(1, Money.MAX_INTEGER_DIGITS)
            .flatMap(
                digits ->
                    Arbitraries.longs()
                        .between(0, BigDecimal.TEN.pow(digits).longValueExact() - 1));
    Arbitrary<Integer> cents = Arbitraries.integers().between(0, 99);
    return Combinators.combine(whole, cents)
        .as((w, c) -> BigDecimal.valueOf(w).add(BigDecimal.valueOf(c, 2)));
  }

  /** The second opinion: recursion on magnitude, apocope and "DE" decided from the text. */
  static final class Recursive {
    private static final List<String> SMALL =
        List.of(
            "CERO",
            "UNO",
            "DOS",
            "TRES",
            "CUATRO",
            "CINCO",
            "SEIS",
            "SIETE",
            "OCHO",
            "NUEVE",
            "DIEZ",
            "ONCE",
            "DOCE",
            "TRECE",
            "CATORCE",
            "QUINCE",
            "DIECISÉIS",
            "DIECISIETE",
            "DIECIOCHO",
            "DIECINUEVE",
            "VEINTE",
            "VEINTIUNO",
            "VEINTIDÓS",
            "VEINTITRÉS",
            "VEINTICUATRO",
            "VEINTICINCO",
            "VEINTISÉIS",
            "VEINTISIETE",
            "VEINTIOCHO",
            "VEINTINUEVE");
    private static final List<String> TENS =
        List.of(
            "",
            "",
            "",
            "TREINTA",
            "CUARENTA",
            "CINCUENTA",
            "SESENTA",
            "SETENTA",
            "OCHENTA",
            "NOVENTA");
    private static final List<String> HUNDREDS =
        List.of(
            "",
            "CIENTO",
            "DOSCIENTOS",
            "TRESCIENTOS",
            "CUATROCIENTOS",
            "QUINIENTOS",
            "SEISCIENTOS",
            "SETECIENTOS",
            "OCHOCIENTOS",
            "NOVECIENTOS");

    static String pesos(BigDecimal amount) {
      long whole = amount.longValue();
      int cents = amount.subtract(BigDecimal.valueOf(whole)).movePointRight(2).intValueExact();
      String words = whole == 0 ? "CERO" : shorten(spell(whole));
      if (words.matches(".*(MILLÓN|MILLONES|BILLÓN|BILLONES)")) {
        words += " DE";
      }
      String noun = whole == 1 ? "PESO" : "PESOS";
      return words + " " + noun + " " + String.format("%02d", cents) + "/100 M.N.";
    }

    static String spell(long n) {
      if (n < 30) {
        return SMALL.get((int) n);
      }
      if (n < 100) {
        return TENS.get((int) (n / 10)) + (n % 10 == 0 ? "" : " Y " + spell(n % 10));
      }
      if (n == 100) {
        return "CIEN";
      }
      if (n < 1_000) {
        return HUNDREDS.get((int) (n / 100)) + (n % 100 == 0 ? "" : " " + spell(n % 100));
      }
      if (n < 1_000_000) {
        long thousands = n / 1_000;
        String head = thousands == 1 ? "MIL" : shorten(spell(thousands)) + " MIL";
        return head + (n % 1_000 == 0 ? "" : " " + spell(n % 1_000));
      }
      // Long scale: a millón is 10^6, a billón 10^12; a thousand millions stays "MIL MILLONES".
      if (n < 1_000_000_000_000L) {
        return scaled(n, 1_000_000, "UN MILLÓN", " MILLONES");
      }
      return scaled(n, 1_000_000_000_000L, "UN BILLÓN", " BILLONES");
    }

    /** {@code n} as a count of {@code unit} ("DOS MILLONES", "UN BILLÓN") and the rest. */
    private static String scaled(long n, long unit, String one, String plural) {
      long count = n / unit;
      String head = count == 1 ? one : shorten(spell(count)) + plural;
      return head + (n % unit == 0 ? "" : " " + spell(n % unit));
    }

    /** "VEINTIUNO" becomes "VEINTIÚN" and a final "UNO" becomes "UN", as before a noun. */
    static String shorten(String words) {
      if (words.endsWith("VEINTIUNO")) {
        return words.substring(0, words.length() - "VEINTIUNO".length()) + "VEINTIÚN";
      }
      if (words.endsWith("UNO")) {
        return words.substring(0, words.length() - 1);
      }
      return words;
    }
  }
}
