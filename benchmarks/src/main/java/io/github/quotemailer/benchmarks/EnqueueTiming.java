package io.github.quotemailer.benchmarks;

import io.github.quotemailer.outbox.EnqueueResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Enqueue calls timed one at a time with {@link System#nanoTime()}, after unmeasured warm-up. */
final class EnqueueTiming {
  private EnqueueTiming() {}

  /**
   * Times {@code measured} calls after {@code warmUp} unmeasured ones; {@code prepare} builds call
   * {@code i} outside the timed span. Every call must create a new entry.
   */
  static Latencies timeEach(
      int warmUp, int measured, IntFunction<Supplier<EnqueueResult>> prepare) {
    return timeInTurns(warmUp, measured, List.of(prepare)).get(0);
  }

  /**
   * Like {@link #timeEach} for several operations at once, taking turns call by call (the order
   * reversed on every other call), so drift in the machine's load reaches all of them alike.
   * Returns one result per operation, in the given order.
   */
  static List<Latencies> timeInTurns(
      int warmUp, int measured, List<IntFunction<Supplier<EnqueueResult>>> operations) {
    long[][] nanos = new long[operations.size()][measured];
    for (int i = 0; i < warmUp + measured; i++) {
      for (int turn = 0; turn < operations.size(); turn++) {
        int operation = i % 2 == 0 ? turn : operations.size() - 1 - turn;
        long elapsed = timeOne(operations.get(operation).apply(i), i);
        if (i >= warmUp) {
          nanos[operation][i - warmUp] = elapsed;
        }
      }
    }
    List<Latencies> result = new ArrayList<>();
    for (long[] samples : nanos) {
      result.add(Latencies.of(samples));
    }
    return result;
  }

  private static long timeOne(Supplier<EnqueueResult> call, int i) {
    long start = System.nanoTime();
    EnqueueResult result = call.get();
    long elapsed = System.nanoTime() - start;
    if (!result.created()) {
      throw new IllegalStateException("enqueue " + i + " found an existing entry " + result);
    }
    return elapsed;
  }
}
