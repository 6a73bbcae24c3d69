package io.github.quotemailer.benchmarks;

import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link QuoteRenderBenchmark} and {@link BareOpenPdfBenchmark} with settings sized for a
 * small (2-core) machine and prints a Markdown table for {@code docs/performance.md}:
 *
 * <pre>{@code
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.quotemailer.benchmarks.RunAll [table.md]
 * }</pre>
 *
 * <p>The settings equal {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -w 2s -i 5 -r
 * 2s}: one fork, 3 warm-up and 5 measured iterations of 2 s each, about two and a half minutes in
 * all. The table also goes to the file given as the only argument, if any.
 */
public final class RunAll {
  /** One fork: a second one would double the run time; the errors show the spread instead. */
  static final int FORKS = 1;

  /**
   * Warm-up iterations: short, to keep the run near two minutes; scores may still climb in the
   * first measured iterations, so raise it ({@code -wi}) when a steady state matters more.
   */
  static final int WARMUP_ITERATIONS = 3;

  /** Measured iterations: five keep the run short while still giving a confidence interval. */
  static final int MEASUREMENT_ITERATIONS = 5;

  /** Length of every iteration: 2 s holds dozens of documents even for the 200-line quote. */
  static final TimeValue ITERATION_TIME = TimeValue.seconds(2);

  private RunAll() {}

  /** Runs both benchmarks, prints the table and writes it to {@code args[0]} when given. */
  public static void main(String[] args) throws RunnerException, IOException {
    Options options =
        new OptionsBuilder()
            .include(QuoteRenderBenchmark.class.getName())
            .include(BareOpenPdfBenchmark.class.getName())
            .forks(FORKS)
            .warmupIterations(WARMUP_ITERATIONS)
            .warmupTime(ITERATION_TIME)
            .measurementIterations(MEASUREMENT_ITERATIONS)
            .measurementTime(ITERATION_TIME)
            .build();
    String table = markdown(new Runner(options).run());
    System.out.println();
    System.out.println(table);
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), table, StandardCharsets.UTF_8);
    }
  }

  private static String markdown(Collection<RunResult> results) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (RunResult result : results) {
      rows.add(Row.of(result));
    }
    rows.sort(
        Comparator.comparingInt(Row::lines)
            .thenComparingInt(Row::threads)
            .thenComparing(Row::benchmark, Comparator.reverseOrder()));
    StringBuilder out = new StringBuilder();
    out.append(
        "| Benchmark | Lines | Threads | Docs/s (all threads) | ± error (99.9%) | Bytes/doc | Pages |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      byte[] document = row.sampleDocument();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.1f | %.1f | %d | %d |%n",
              row.benchmark(),
              row.lines(),
              row.threads(),
              row.score(),
              row.error(),
              document.length,
              new PdfReader(document).getNumberOfPages()));
    }
    out.append(
        "\n| Lines | Threads | Docs/s, renderer ÷ baseline | Time per doc, renderer ÷ baseline |\n");
    out.append("|---:|---:|---:|---:|\n");
    for (Row renderer : rows) {
      baselineFor(renderer, rows)
          .ifPresent(
              baseline ->
                  out.append(
                      String.format(
                          Locale.ROOT,
                          "| %d | %d | %.2f | %.2f |%n",
                          renderer.lines(),
                          renderer.threads(),
                          renderer.score() / baseline.score(),
                          baseline.score() / renderer.score())));
    }
    return out.toString();
  }

  private static Optional<Row> baselineFor(Row renderer, List<Row> rows) {
    if (!renderer.benchmark().equals(QuoteRenderBenchmark.class.getSimpleName())) {
      return Optional.empty();
    }
    return rows.stream()
        .filter(row -> row.benchmark().equals(BareOpenPdfBenchmark.class.getSimpleName()))
        .filter(row -> row.lines() == renderer.lines() && row.threads() == renderer.threads())
        .findFirst();
  }

  /** One measured case: benchmark class, quote size, thread count and its throughput. */
  private record Row(String benchmark, int lines, int threads, double score, double error) {
    static Row of(RunResult result) {
      String method = result.getParams().getBenchmark();
      String[] parts = method.split("\\.");
      Result<?> primary = result.getPrimaryResult();
      return new Row(
          parts[parts.length - 2],
          Integer.parseInt(result.getParams().getParam("lines")),
          result.getParams().getThreads(),
          primary.getScore(),
          primary.getScoreError());
    }

    byte[] sampleDocument() throws IOException {
      return benchmark.equals(QuoteRenderBenchmark.class.getSimpleName())
          ? QuoteRenderBenchmark.sampleDocument(lines)
          : BareOpenPdfBenchmark.sampleDocument(lines);
    }
  }
}
