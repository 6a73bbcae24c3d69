package io.github.quotemailer.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Median, smallest and largest of one figure over the rounds of a run.
 *
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param min the smallest
 * @param max the largest
 */
record Spread(double median, double min, double max) {
  /** The spread of {@code values}; at least one. */
  static Spread of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return new Spread(median, sorted[0], sorted[sorted.length - 1]);
  }

  /** "0.42 (0.40–0.45)" with {@code decimals} decimals. */
  String format(int decimals) {
    String number = "%." + decimals + "f";
    return String.format(
        Locale.ROOT, number + " (" + number + "–" + number + ")", median, min, max);
  }
}
