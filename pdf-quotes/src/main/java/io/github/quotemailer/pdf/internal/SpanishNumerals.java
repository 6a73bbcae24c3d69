package io.github.quotemailer.pdf.internal;

import java.util.List;

/**
 * Cardinal numbers in Spanish capitals, as Mexican invoices and quotes print them ("CIENTO OCHO MIL
 * QUINIENTOS VEINTIDÓS"), in the long scale Spanish uses: 10^9 is "MIL MILLONES", 10^12 "UN
 * BILLÓN". Works group by group (billones, millones, then thousands and units) rather than
 * recursively, so the rules for each group sit side by side.
 */
public final class SpanishNumerals {
  /**
   * The largest number this class spells, 999,999,999,999,999: the whole part of {@link
   * io.github.quotemailer.quote.Money#MAX_AMOUNT}, so every amount a quote holds has words.
   */
  public static final long MAX = 999_999_999_999_999L;

  private static final long MILLION = 1_000_000L;
  private static final long BILLION = MILLION * MILLION; // "billón": a million millions

  private static final List<String> BELOW_THIRTY =
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

  private SpanishNumerals() {}

  /**
   * Spells {@code n} (0 to {@link #MAX}). With {@code beforeNoun} a final "uno" takes its short
   * form, as in "VEINTIÚN PESOS" and "CIENTO UN PESOS"; without it the number stands alone
   * ("VEINTIUNO", "CIENTO UNO"). Before "MIL", "MILLONES" and "BILLONES" it is always short
   * ("VEINTIÚN MIL", "MIL UN MILLONES", "CIENTO UN BILLONES").
   */
  public static String words(long n, boolean beforeNoun) {
    if (n < 0 || n > MAX) {
      throw new IllegalArgumentException(n + " is outside 0-" + MAX);
    }
    if (n == 0) {
      return BELOW_THIRTY.get(0);
    }
    StringBuilder out = new StringBuilder();
    appendScale(out, (int) (n / BILLION), "UN BILLÓN", " BILLONES");
    appendScale(out, (int) (n / MILLION % MILLION), "UN MILLÓN", " MILLONES");
    int rest = (int) (n % MILLION);
    if (rest > 0) {
      appendWord(out, belowMillion(rest, beforeNoun));
    }
    return out.toString();
  }

  /**
   * Appends {@code count} (0 to 999,999) millones or billones: "UN MILLÓN", "MIL MILLONES",
   * "VEINTIÚN BILLONES"; nothing for 0.
   */
  private static void appendScale(StringBuilder out, int count, String one, String plural) {
    if (count == 1) {
      appendWord(out, one);
    } else if (count > 1) {
      appendWord(out, belowMillion(count, true) + plural);
    }
  }

  /** Spells 1 to 999,999; {@code shortOne} as in {@link #belowThousand}. */
  private static String belowMillion(int n, boolean shortOne) {
    int thousands = n / 1_000;
    int units = n % 1_000;
    StringBuilder out = new StringBuilder();
    if (thousands == 1) {
      out.append("MIL"); // never "UN MIL"
    } else if (thousands > 1) {
      out.append(belowThousand(thousands, true)).append(" MIL");
    }
    if (units > 0) {
      appendWord(out, belowThousand(units, shortOne));
    }
    return out.toString();
  }

  /**
   * Spells 1 to 999; {@code shortOne} turns a final "UNO" into "UN" (and "VEINTIUNO" into
   * "VEINTIÚN").
   */
  private static String belowThousand(int n, boolean shortOne) {
    int hundreds = n / 100;
    int rest = n % 100;
    String hundredWord = hundreds == 1 && rest == 0 ? "CIEN" : HUNDREDS.get(hundreds);
    if (rest == 0) {
      return hundredWord;
    }
    String restWord = belowHundred(rest, shortOne);
    return hundredWord.isEmpty() ? restWord : hundredWord + " " + restWord;
  }

  private static String belowHundred(int n, boolean shortOne) {
    if (n < 30) {
      if (shortOne && n == 1) {
        return "UN";
      }
      if (shortOne && n == 21) {
        return "VEINTIÚN";
      }
      return BELOW_THIRTY.get(n);
    }
    String tens = TENS.get(n / 10);
    int unit = n % 10;
    if (unit == 0) {
      return tens;
    }
    return tens + " Y " + (shortOne && unit == 1 ? "UN" : BELOW_THIRTY.get(unit));
  }

  private static void appendWord(StringBuilder out, String word) {
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(word);
  }
}
