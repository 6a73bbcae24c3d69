package io.github.quotemailer.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The baseline: the quote's line table alone, written with plain OpenPDF calls by {@link
 * BareOpenPdfTable} (see there for what it has and leaves out); what the renderer costs over this
 * is its overhead. The DejaVu fonts are parsed once per thread in {@code @Setup}, not per document,
 * so the score is layout and writing only.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class BareOpenPdfBenchmark {
  /** Lines in the table. */
  @Param({"20", "200"})
  public int lines;

  private List<String[]> rows;

  /** Fonts parsed once per benchmark thread, so threads share no font state. */
  @State(Scope.Thread)
  public static class ParsedFonts {
    BareOpenPdfTable table;

    /** Parses DejaVu Sans and DejaVu Sans Bold. */
    @Setup
    public void parse() {
      table = BareOpenPdfTable.withBundledFonts();
    }
  }

  /** Formats the cell texts once, and prints the size of one document. */
  @Setup
  public void prepare() {
    rows = BenchmarkQuotes.tableRows(BenchmarkQuotes.withLines(lines));
    System.out.printf(
        "%nBareOpenPdfBenchmark lines=%d: %d bytes/doc%n", lines, sampleDocument(lines).length);
  }

  /** One document on one thread. */
  @Benchmark
  @Threads(1)
  public byte[] oneThread(ParsedFonts fonts) {
    return fonts.table.write(rows);
  }

  /** One document on each of two threads at once. */
  @Benchmark
  @Threads(2)
  public byte[] twoThreads(ParsedFonts fonts) {
    return fonts.table.write(rows);
  }

  /** One document for a {@code lines}-line table, as measured, for reporting its size. */
  static byte[] sampleDocument(int lines) {
    return BareOpenPdfTable.withBundledFonts()
        .write(BenchmarkQuotes.tableRows(BenchmarkQuotes.withLines(lines)));
  }
}
