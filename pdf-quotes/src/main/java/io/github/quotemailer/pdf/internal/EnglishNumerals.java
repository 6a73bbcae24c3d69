package io.github.quotemailer.pdf.internal;

import java.util.List;

/**
 * Cardinal numbers in American English, lower case, as written on cheques: "one hundred eight
 * thousand five hundred twenty-two" (no "and" inside the number), in the short scale: a billion is
 * 10^9, a trillion 10^12.
 */
public final class EnglishNumerals {
  /**
   * The largest number this class spells, 999,999,999,999,999: the whole part of {@link
   * io.github.quotemailer.quote.Money#MAX_AMOUNT}, so every amount a quote holds has words.
   */
  public static final long MAX = 999_999_999_999_999L;

  private static final List<String> BELOW_TWENTY =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen");

  private static final List<String> TENS =
      List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

  private EnglishNumerals() {}

  /** Spells {@code n}, from 0 to {@link #MAX}. */
  public static String words(long n) {
    if (n < 0 || n > MAX) {
      throw new IllegalArgumentException(n + " is outside 0-" + MAX);
    }
    if (n == 0) {
      return BELOW_TWENTY.get(0);
    }
    StringBuilder out = new StringBuilder();
    appendGroup(out, group(n, 1_000_000_000_000L), " trillion");
    appendGroup(out, group(n, 1_000_000_000L), " billion");
    appendGroup(out, group(n, 1_000_000L), " million");
    appendGroup(out, group(n, 1_000L), " thousand");
    appendGroup(out, group(n, 1L), "");
    return out.toString();
  }

  /** The three digits of {@code n} that count {@code scale}s: 0 to 999. */
  private static int group(long n, long scale) {
    return (int) (n / scale % 1_000);
  }

  private static void appendGroup(StringBuilder out, int n, String scale) {
    if (n == 0) {
      return;
    }
    if (out.length() > 0) {
      out.append(' ');
    }
    int hundreds = n / 100;
    int rest = n % 100;
    if (hundreds > 0) {
      out.append(BELOW_TWENTY.get(hundreds)).append(" hundred");
      if (rest > 0) {
        out.append(' ');
      }
    }
    if (rest >= 20) {
      out.append(TENS.get(rest / 10));
      if (rest % 10 > 0) {
        out.append('-').append(BELOW_TWENTY.get(rest % 10));
      }
    } else if (rest > 0) {
      out.append(BELOW_TWENTY.get(rest));
    }
    out.append(scale);
  }
}
