package io.github.quotemailer.benchmarks;

import io.github.quotemailer.benchmarks.DeliveryReport.Phase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one {@link WireSpeedBenchmark} run as Markdown: the command, what was measured,
 * the machine, each side's messages per second against the reference of the same round, rendering
 * against bare OpenPDF, enqueue latency, the claim cost section when there is one, and the run
 * conditions. The reading of the figures is left to a person.
 *
 * @param options the run's options
 * @param started when the run started
 * @param ended when it ended
 * @param loadAtStart load averages at the start
 * @param loadAtEnd load averages at the end
 * @param sides the sending sides, reference first
 * @param sendingRounds messages per second by side label, one map per measured round
 * @param pdfBytes size of the quote's PDF
 * @param renderRounds the rendering rounds
 * @param documentBytes one document from the renderer and one from the bare table
 * @param enqueue enqueue latencies per database
 * @param claimCost the claim cost section, when it was run
 * @param notMeasured what could not be measured, and why
 * @param phases wall and CPU time of each phase
 */
record WireSpeedReport(
    WireSpeedOptions options,
    Instant started,
    Instant ended,
    String loadAtStart,
    String loadAtEnd,
    List<Side> sides,
    List<Map<String, Double>> sendingRounds,
    int pdfBytes,
    List<RenderRounds.Round> renderRounds,
    long[] documentBytes,
    List<EnqueueComparison> enqueue,
    Optional<String> claimCost,
    List<String> notMeasured,
    List<Phase> phases) {

  /**
   * One sending side.
   *
   * @param label its name in the tables
   * @param description what one batch does
   * @param messageBytes one of its messages as GreenMail stored it
   */
  record Side(String label, String description, long messageBytes) {}

  /** The whole report, starting with its "## Wire speed" heading. */
  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("## Wire speed\n\n");
    out.append("From the repository root, after `./mvnw -q -pl benchmarks -am package")
        .append(" -DskipTests`:\n\n```\n")
        .append(options.command())
        .append("\n```\n\n");
    whatIsMeasured(out);
    machine(out);
    sending(out);
    rendering(out);
    enqueueLatency(out);
    claimCost(out);
    notMeasured(out);
    out.append("### Run conditions\n\n");
    out.append(
        "CPU is this JVM's (the code measured, H2, GreenMail, JIT and GC), not PostgreSQL's"
            + " server processes.\n\n");
    PhaseRecorder.appendTable(out, phases);
    return out.toString();
  }

  private void whatIsMeasured(StringBuilder out) {
    out.append("### What is measured\n\n");
    out.append("| Side | What one batch does | Bytes of one message as stored |\n|---|---|---:|\n");
    for (Side side : sides) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d |%n",
              side.label(),
              side.description(),
              side.messageBytes()));
    }
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            """
            - SMTP: GreenMail %s in this JVM on 127.0.0.1, plain SMTP with AUTH as the company \
            account, no TLS. GreenMail parses and stores every message on the same cores.
            - Sending: %d messages per side and round, %d rounds after a warm-up round of %d \
            messages per side. Odd rounds run the sides in the order of the table above, even \
            rounds in reverse. Each batch starts with empty mailboxes; afterwards GreenMail must \
            hold exactly its messages (checked). Each side's messages per second are divided by \
            the reference's of the same round.
            - The message: the %d-line quote's subject and text from QuoteMailer's default \
            templates and its PDF (%d bytes). QuoteMailer adds an HTML alternative.
            - Rendering: %d documents per side and round, %d rounds after %d unmeasured \
            documents per side, on one thread. Odd rounds render the quote first.
            - Enqueue: %d measured calls per renderer and database after %d unmeasured ones; \
            the two renderers take turns call by call. Nearest-rank percentiles.
            - No SLF4J provider is on the class path: QuoteMailer's and Simple Java Mail's log \
            lines are discarded.

            """,
            RunConditions.libraryVersion("com.icegreen", "greenmail"),
            options.messages(),
            options.rounds(),
            options.warmUpMessages(),
            BenchmarkMessage.LINES,
            pdfBytes,
            options.documents(),
            options.rounds(),
            options.warmUpDocuments(),
            options.enqueueCalls(),
            options.enqueueWarmUp()));
  }

  private void machine(StringBuilder out) {
    out.append("### Machine\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            """
            - `nproc`: %d (`model name: %s`), %s RAM, %s
            - Java: %s
            - Date: %s. The run started at %s UTC and ended at %s UTC.
            - Load average (1, 5, 15 min): %s at the start, %s at the end.

            """,
            RunConditions.processors(),
            RunConditions.cpuModel(),
            RunConditions.memory(),
            RunConditions.operatingSystem(),
            RunConditions.java(),
            started.toString().substring(0, 10),
            started.truncatedTo(ChronoUnit.SECONDS).toString().substring(11, 19),
            ended.truncatedTo(ChronoUnit.SECONDS).toString().substring(11, 19),
            loadAtStart,
            loadAtEnd));
  }

  private void sending(StringBuilder out) {
    String reference = sides.get(0).label();
    out.append("### Sending\n\n");
    out.append("Each side's messages per second ÷ the reference's (")
        .append(reference)
        .append(") in the same round: median (min–max) over ")
        .append(sendingRounds.size())
        .append(" rounds.\n\n");
    out.append("| Side | Messages/s, median (min–max) | ÷ reference, median (min–max) |\n")
        .append("|---|---:|---:|\n");
    for (Side side : sides) {
      double[] rates = column(side.label(), null);
      double[] ratios = column(side.label(), reference);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s |%n",
              side.label(),
              Spread.of(rates).format(1),
              side.label().equals(reference) ? "1 (reference)" : Spread.of(ratios).format(3)));
    }
    out.append("\nMessages per second, round by round:\n\n| Round |");
    sides.forEach(side -> out.append(' ').append(side.label()).append(" |"));
    out.append("\n|---:|").append("---:|".repeat(sides.size())).append('\n');
    for (int round = 0; round < sendingRounds.size(); round++) {
      out.append("| ").append(round + 1).append(" |");
      for (Side side : sides) {
        out.append(
            String.format(Locale.ROOT, " %.1f |", sendingRounds.get(round).get(side.label())));
      }
      out.append('\n');
    }
    out.append('\n');
  }

  /** Per round: the side's messages per second, or divided by {@code reference}'s if given. */
  private double[] column(String label, String reference) {
    return sendingRounds.stream()
        .mapToDouble(round -> round.get(label) / (reference == null ? 1.0 : round.get(reference)))
        .toArray();
  }

  private void rendering(StringBuilder out) {
    out.append("### Rendering\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "`OpenPdfQuoteRenderer.render(quote)` (the whole %d-line quote, %d bytes) against the"
                + " same line table written with plain OpenPDF by `BareOpenPdfTable`, DejaVu fonts"
                + " parsed once before the rounds (%d bytes). Documents per second, one thread.%n"
                + "%n| Round | Renderer | Bare table | Renderer ÷ bare table |%n"
                + "|---:|---:|---:|---:|%n",
            BenchmarkMessage.LINES,
            documentBytes[0],
            documentBytes[1]));
    for (RenderRounds.Round round : renderRounds) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f | %.1f | %.3f |%n",
              round.number(),
              round.renderer(),
              round.bareTable(),
              round.ratio()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "| median (min–max) | %s | %s | %s |%n%n",
            Spread.of(renderRounds.stream().mapToDouble(RenderRounds.Round::renderer).toArray())
                .format(1),
            Spread.of(renderRounds.stream().mapToDouble(RenderRounds.Round::bareTable).toArray())
                .format(1),
            Spread.of(renderRounds.stream().mapToDouble(RenderRounds.Round::ratio).toArray())
                .format(3)));
  }

  private void enqueueLatency(StringBuilder out) {
    out.append("### Enqueue latency\n\n");
    out.append(
        "`mailer.enqueue(email)`, one call at a time on one thread, each on a new deal id; three"
            + " mailers wired alike on the same stores, taking turns: one with"
            + " `OpenPdfQuoteRenderer`, one with a renderer lambda returning the PDF rendered"
            + " beforehand (both store the quote, rendered by the worker), and one with"
            + " `OpenPdfQuoteRenderer` and `QueuedRendering.WHEN_ENQUEUED` (the PDF rendered on"
            + " the caller's thread and stored).\n\n");
    out.append(
        "| Database | Renderer | p50 ms | p90 ms | p99 ms | max ms | mean ms |\n"
            + "|---|---|---:|---:|---:|---:|---:|\n");
    for (EnqueueComparison row : enqueue) {
      latencyRow(out, row.database(), "OpenPdfQuoteRenderer", row.rendering());
      latencyRow(out, row.database(), "pre-rendered lambda", row.preRendered());
      latencyRow(
          out, row.database(), "OpenPdfQuoteRenderer, WHEN_ENQUEUED", row.renderedAtEnqueue());
    }
    out.append("\n| Database | Durability | p99 rendering ÷ p99 pre-rendered |\n|---|---|---:|\n");
    for (EnqueueComparison row : enqueue) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.2f |%n",
              row.database(),
              row.durability(),
              row.p99Ratio()));
    }
    out.append('\n');
  }

  private static void latencyRow(StringBuilder out, String database, String renderer, Latencies l) {
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
            database,
            renderer,
            l.percentileMillis(50),
            l.percentileMillis(90),
            l.percentileMillis(99),
            l.maxMillis(),
            l.meanMillis()));
  }

  private void claimCost(StringBuilder out) {
    out.append("### Claim cost at 1,000 and 100,000 rows\n\n");
    out.append(
        claimCost.orElse(
            "Not run: `ClaimBenchmark` is not part of this build"
                + " (see `WireSpeedBenchmark.claimCostSection()`)."));
    out.append("\n\n");
  }

  private void notMeasured(StringBuilder out) {
    if (notMeasured.isEmpty()) {
      return;
    }
    out.append("### Not measured\n\n");
    notMeasured.forEach(problem -> out.append("- ").append(problem).append('\n'));
    out.append('\n');
  }
}
