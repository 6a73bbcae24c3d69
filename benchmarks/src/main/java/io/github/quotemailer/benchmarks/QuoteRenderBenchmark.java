package io.github.quotemailer.benchmarks;

import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.quote.Quote;
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
 * Documents per second of {@link OpenPdfQuoteRenderer#create()} for a 20-line and a 200-line quote,
 * on one thread and on two sharing one renderer (as a host's mail workers do). With two threads JMH
 * reports the sum of both threads' throughput.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class QuoteRenderBenchmark {
  /** Lines in the quote. */
  @Param({"20", "200"})
  public int lines;

  private OpenPdfQuoteRenderer renderer;
  private Quote quote;

  /** Builds the renderer (fonts read once) and the quote, and prints the size of one document. */
  @Setup
  public void prepare() {
    renderer = OpenPdfQuoteRenderer.create();
    quote = BenchmarkQuotes.withLines(lines);
    System.out.printf("%nQuoteRenderBenchmark lines=%d: %d bytes/doc%n", lines, render().length);
  }

  /** One document on one thread. */
  @Benchmark
  @Threads(1)
  public byte[] oneThread() {
    return render();
  }

  /** One document on each of two threads at once. */
  @Benchmark
  @Threads(2)
  public byte[] twoThreads() {
    return render();
  }

  private byte[] render() {
    return renderer.render(quote);
  }

  /** One document for a {@code lines}-line quote, as measured, for reporting its size. */
  static byte[] sampleDocument(int lines) {
    return OpenPdfQuoteRenderer.create().render(BenchmarkQuotes.withLines(lines));
  }
}
