package io.github.quotemailer.benchmarks;

import io.github.quotemailer.benchmarks.DeliveryReport.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Wall time, this JVM's CPU time and the load average around each phase of a run, and their table:
 * on a shared machine they say how far each figure can be trusted.
 */
final class PhaseRecorder {
  private final List<Phase> phases = new ArrayList<>();

  /** Runs {@code work}, recording its wall and CPU time and the load average around it. */
  <T> T phase(String name, Callable<T> work) throws Exception {
    String loadBefore = RunConditions.loadAverage();
    double cpuBefore = RunConditions.processCpuSeconds();
    long start = System.nanoTime();
    T result = work.call();
    double wall = (System.nanoTime() - start) / 1e9;
    phases.add(
        new Phase(
            name,
            wall,
            RunConditions.processCpuSeconds() - cpuBefore,
            loadBefore,
            RunConditions.loadAverage()));
    return result;
  }

  /** The phases recorded so far, in order. */
  List<Phase> phases() {
    return List.copyOf(phases);
  }

  /** The Markdown table of {@code phases}: wall s, CPU s, CPU ÷ wall, load before and after. */
  static void appendTable(StringBuilder out, List<Phase> phases) {
    out.append(
        "| Phase | Wall s | Process CPU s | CPU ÷ wall | Load before | Load after |\n"
            + "|---|---:|---:|---:|---|---|\n");
    for (Phase phase : phases) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.2f | %s | %s |%n",
              phase.name(),
              phase.wallSeconds(),
              phase.cpuSeconds(),
              phase.cpuSeconds() / phase.wallSeconds(),
              phase.loadBefore(),
              phase.loadAfter()));
    }
  }
}
