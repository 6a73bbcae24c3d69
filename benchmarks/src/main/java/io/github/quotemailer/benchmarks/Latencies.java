package io.github.quotemailer.benchmarks;

import java.util.Arrays;

/**
 * The measured durations of one repeated operation, sorted, with nearest-rank percentiles: p99 of
 * 2,000 samples is the 1,980th smallest, so exactly 20 samples lie above it.
 */
final class Latencies {
  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private final long[] sortedNanos;

  private Latencies(long[] sortedNanos) {
    this.sortedNanos = sortedNanos;
  }

  /** The durations {@code nanos}, in any order; at least one. */
  static Latencies of(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latencies(sorted);
  }

  /** Number of samples. */
  int count() {
    return sortedNanos.length;
  }

  /** The nearest-rank {@code percent} percentile (0 < percent ≤ 100), in milliseconds. */
  double percentileMillis(double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(rank, 1) - 1] / NANOS_PER_MILLI;
  }

  /** The slowest sample, in milliseconds. */
  double maxMillis() {
    return sortedNanos[sortedNanos.length - 1] / NANOS_PER_MILLI;
  }

  /** The arithmetic mean, in milliseconds. */
  double meanMillis() {
    double sum = 0;
    for (long nanos : sortedNanos) {
      sum += nanos;
    }
    return sum / sortedNanos.length / NANOS_PER_MILLI;
  }
}
