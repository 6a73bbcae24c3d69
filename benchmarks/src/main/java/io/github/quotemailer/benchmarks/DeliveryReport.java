package io.github.quotemailer.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one {@link DeliveryBenchmark} run, written as the Markdown "Delivery" section of
 * {@code docs/performance.md}: what was measured, on what machine, the tables, and each of the
 * issue's targets with whether this run met it. The reading of the figures is left to a person.
 *
 * @param started when the run started
 * @param ended when it ended
 * @param loadAtStart load averages at the start
 * @param loadAtEnd load averages at the end
 * @param postgresUrl the PostgreSQL URL used (a password in it is never printed)
 * @param postgresProblem why PostgreSQL was not measured, if it was not
 * @param latencies enqueue latencies per database and operation
 * @param delivery the delivery rounds
 * @param phases wall and CPU time of each phase
 */
record DeliveryReport(
    Instant started,
    Instant ended,
    String loadAtStart,
    String loadAtEnd,
    String postgresUrl,
    Optional<String> postgresProblem,
    List<EnqueueLatency> latencies,
    Delivery delivery,
    List<Phase> phases) {

  /** The limit for enqueue p99 on PostgreSQL. */
  static final double TARGET_P99_MILLIS = 5.0;

  /** The floor for end-to-end quotes per second as a share of the baseline's. */
  static final double TARGET_RATIO = 0.8;

  /**
   * The latencies of one enqueue operation on one database.
   *
   * @param database product and version
   * @param durability how its commits reach the disk
   * @param operation {@link #VIA_MAILER} or {@link #INSERT_ONLY}
   * @param latencies the measured calls
   */
  record EnqueueLatency(String database, String durability, String operation, Latencies latencies) {
    /** What a host's click calls: renders the PDF, then inserts. */
    static final String VIA_MAILER = "`mailer.enqueue(email)`: render + insert";

    /** The outbox insert of a pre-rendered message. */
    static final String INSERT_ONLY = "`outbox().enqueue(message)`: insert only";
  }

  /**
   * One measured delivery round; every figure is for {@code quotes} quotes.
   *
   * @param number 1, 2, ...
   * @param loadAtStart load averages when it started
   * @param quotes quotes per side
   * @param renderSeconds rendering the PDFs alone, one thread
   * @param enqueueSeconds {@code mailer.enqueue} calls, one thread, before the two-thread worker
   * @param workerSeconds the worker with {@link DeliveryBenchmark#WORKER_THREADS} threads draining
   *     them
   * @param oneThreadWorkerSeconds a worker with one thread draining as many
   * @param baselineSeconds plain Jakarta Mail sending as many messages
   * @param noDelayBaselineSeconds the same with {@code TCP_NODELAY}
   */
  record DeliveryRound(
      int number,
      String loadAtStart,
      int quotes,
      double renderSeconds,
      double enqueueSeconds,
      double workerSeconds,
      double oneThreadWorkerSeconds,
      double baselineSeconds,
      double noDelayBaselineSeconds) {

    double renderRate() {
      return quotes / renderSeconds;
    }

    double enqueueRate() {
      return quotes / enqueueSeconds;
    }

    double workerRate() {
      return quotes / workerSeconds;
    }

    double oneThreadWorkerRate() {
      return quotes / oneThreadWorkerSeconds;
    }

    double endToEndRate() {
      return quotes / (enqueueSeconds + workerSeconds);
    }

    double baselineRate() {
      return quotes / baselineSeconds;
    }

    double noDelayBaselineRate() {
      return quotes / noDelayBaselineSeconds;
    }
  }

  /**
   * The delivery comparison.
   *
   * @param rounds the measured rounds
   * @param pdfBytes size of the quote's PDF
   * @param quoteMailerMessageBytes one message sent by the worker, as GreenMail stored it
   * @param baselineMessageBytes one message sent by the baseline, as GreenMail stored it
   */
  record Delivery(
      List<DeliveryRound> rounds,
      int pdfBytes,
      long quoteMailerMessageBytes,
      long baselineMessageBytes) {}

  /**
   * Time and load of one phase of the run.
   *
   * @param name what ran
   * @param wallSeconds elapsed time
   * @param cpuSeconds CPU time of this JVM's threads meanwhile
   * @param loadBefore load averages before
   * @param loadAfter load averages after
   */
  record Phase(
      String name, double wallSeconds, double cpuSeconds, String loadBefore, String loadAfter) {}

  /** The whole section, starting with its "## Delivery" heading. */
  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("## Delivery\n\n");
    out.append(
        """
        How long `enqueue` keeps the caller waiting, and how many quotes per second reach an SMTP \
        server through the outbox worker compared with sending the same PDF with plain Jakarta \
        Mail. The figures come from one run of `DeliveryBenchmark` in the \
        [`benchmarks`](../benchmarks) module. Only numbers that the run printed appear here.

        """);
    whatIsMeasured(out);
    machine(out);
    command(out);
    enqueueTable(out);
    deliveryTables(out);
    targets(out);
    phaseTable(out);
    return out.toString();
  }

  private void whatIsMeasured(StringBuilder out) {
    int quotes = delivery.rounds().get(0).quotes();
    out.append("### What is measured\n\n");
    out.append("| Measurement | What one operation does |\n|---|---|\n");
    row(
        out,
        EnqueueLatency.VIA_MAILER,
        "What a host's \"send quote\" click costs for the "
            + DeliveryBenchmark.LINES
            + "-line quote: fill the subject and body templates and insert the entry, with the"
            + " quote as a JSON snapshot (the worker renders it), into `qm_outbox` through"
            + " `JdbcStores.outbox()`."
            + " One thread, one call at a time, each on a new deal id (so a new idempotency key).");
    row(
        out,
        EnqueueLatency.INSERT_ONLY,
        "The insert alone: the same entry with its PDF rendered beforehand, a new key and"
            + " Message-ID each time, built outside the timed span.");
    row(
        out,
        "Render alone",
        "`renderer.render(quote)`, " + quotes + " times one after another on one thread.");
    row(
        out,
        "QuoteMailer enqueue",
        quotes + " calls of `mailer.enqueue(email)` on one thread, on H2: render + insert.");
    row(
        out,
        "QuoteMailer worker",
        "`mailer.worker().threads("
            + DeliveryBenchmark.WORKER_THREADS
            + ").pollInterval(Duration.ofMillis("
            + DeliveryBenchmark.POLL_INTERVAL.toMillis()
            + ")).build().runUntilIdle()` on those entries: claim with a lease, resolve the sender"
            + " (the salesperson has no SMTP settings of his own, so the company account sends on"
            + " his behalf), build the message (text and HTML alternatives + PDF), send it over a"
            + " pooled SMTP connection (one per thread), record the attempt in the delivery log"
            + " and mark the entry sent. Timed until `runUntilIdle()` returns; GreenMail then"
            + " holds all "
            + quotes
            + " messages (checked).");
    row(
        out,
        "QuoteMailer worker, 1 thread",
        "The same with `threads(1)` (after enqueueing another "
            + quotes
            + " quotes): one SMTP connection, like the baseline.");
    row(
        out,
        "QuoteMailer end-to-end",
        "Enqueue, then the "
            + DeliveryBenchmark.WORKER_THREADS
            + "-thread worker: "
            + quotes
            + " ÷ (enqueue seconds + worker seconds). Rendering happens in the enqueue step;"
            + " the worker only sends.");
    row(
        out,
        "Baseline",
        "The PDF rendered once beforehand; then "
            + quotes
            + " messages (a plain-text body + that PDF) built and sent with plain Jakarta Mail"
            + " (Angus Mail "
            + RunConditions.libraryVersion("org.eclipse.angus", "angus-mail")
            + ", default settings) over one connection opened once (`Transport.connect`, then"
            + " `sendMessage` for each), logging in as the same company account. Timed from"
            + " connect to close.");
    row(
        out,
        "Baseline, TCP_NODELAY",
        "The same, with a socket factory that turns Nagle's algorithm off"
            + " (`Socket.setTcpNoDelay(true)`). Not the issue's baseline: it shows what the TCP"
            + " wait after each message costs (see the reading).");
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            """
            - Enqueue: %d measured calls per operation and database, after %d warm-up calls. \
            Each call is timed alone with `System.nanoTime()`; percentiles are nearest-rank over \
            the sorted durations, so %d calls lie above p99.
            - Databases: H2 in memory (`jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1`), in the same JVM; \
            PostgreSQL on 127.0.0.1 over TCP, in a new schema `qm_bench_<random>` dropped \
            afterwards. Both behind a HikariCP %s pool of %d connections, as a host would have \
            them; `migrate()` runs first. %s
            - SMTP: GreenMail %s in the same JVM on 127.0.0.1, without TLS \
            (`TransportSecurity.PLAIN`): no network, no TLS handshake or encryption on either \
            side. GreenMail parses and stores every message, on the same cores as the code \
            measured.
            - Delivery: %d quotes per round and side, after a warm-up round of %d on every side; \
            %d rounds. Odd rounds run baseline, TCP_NODELAY baseline, worker, 1-thread worker; \
            even rounds the reverse. Each side starts with empty mailboxes and without the \
            previous side's entries (purged). Its database is a second in-memory H2 \
            (`bench_e2e`).
            - Sizes: the PDF is %d bytes. One message as GreenMail stored it: %d bytes from \
            QuoteMailer (text + HTML + PDF), %d bytes from the baseline (text + PDF).
            - No SLF4J provider is on the class path, so QuoteMailer's log line per enqueue and \
            per delivery is discarded, not written anywhere.

            """,
            DeliveryBenchmark.ENQUEUES,
            DeliveryBenchmark.ENQUEUE_WARMUP,
            DeliveryBenchmark.ENQUEUES - (int) Math.ceil(0.99 * DeliveryBenchmark.ENQUEUES),
            RunConditions.libraryVersion("com.zaxxer", "HikariCP"),
            BenchmarkDatabase.POOL_SIZE,
            durabilities(),
            RunConditions.libraryVersion("com.icegreen", "greenmail"),
            quotes,
            DeliveryBenchmark.DELIVERY_WARMUP,
            delivery.rounds().size(),
            delivery.pdfBytes(),
            delivery.quoteMailerMessageBytes(),
            delivery.baselineMessageBytes()));
  }

  private static void row(StringBuilder out, String measurement, String description) {
    out.append("| ").append(measurement).append(" | ").append(description).append(" |\n");
  }

  private String durabilities() {
    StringBuilder text = new StringBuilder();
    latencies.stream()
        .map(row -> row.database().split(" ")[0] + ": " + row.durability() + ".")
        .distinct()
        .forEach(line -> text.append(text.length() == 0 ? "" : " ").append(line));
    return text.toString();
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
            - Load average (1, 5, 15 min): %s at the start, %s at the end. Per phase: see \
            [Run conditions](#run-conditions).

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

  private void command(StringBuilder out) {
    out.append("### Command\n\nFrom the repository root:\n\n");
    out.append(
        """
        ```
        ./mvnw -q -pl benchmarks -am package -DskipTests
        java -cp benchmarks/target/benchmarks.jar io.github.quotemailer.benchmarks.DeliveryBenchmark
        ```

        """);
    out.append(
        "An optional argument names a file that receives this section too. PostgreSQL comes from `"
            + DeliveryBenchmark.POSTGRES_URL_VARIABLE
            + "` (default `"
            + DeliveryBenchmark.DEFAULT_POSTGRES_URL
            + "`); this run used `"
            + withoutPassword(postgresUrl)
            + "`.\n\n");
  }

  private void enqueueTable(StringBuilder out) {
    out.append("### Enqueue latency\n\n");
    out.append(
        "| Database | Operation | p50 ms | p90 ms | p99 ms | max ms | mean ms |\n"
            + "|---|---|---:|---:|---:|---:|---:|\n");
    for (EnqueueLatency row : latencies) {
      Latencies l = row.latencies();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
              row.database(),
              row.operation(),
              l.percentileMillis(50),
              l.percentileMillis(90),
              l.percentileMillis(99),
              l.maxMillis(),
              l.meanMillis()));
    }
    postgresProblem.ifPresent(
        problem -> out.append("\nPostgreSQL was **not measured**: ").append(problem).append('\n'));
    out.append('\n');
  }

  private void deliveryTables(StringBuilder out) {
    out.append("### Delivery throughput\n\n");
    out.append("Quotes per second. The last row is the median of each column.\n\n");
    out.append(
        "| Round | Load (1 min) at start | Render alone | QuoteMailer enqueue | QuoteMailer worker"
            + " | QuoteMailer worker, 1 thread | QuoteMailer end-to-end | Baseline"
            + " | Baseline, TCP_NODELAY |\n"
            + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (DeliveryRound r : delivery.rounds()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
              r.number(),
              r.loadAtStart().split(" ")[0],
              r.renderRate(),
              r.enqueueRate(),
              r.workerRate(),
              r.oneThreadWorkerRate(),
              r.endToEndRate(),
              r.baselineRate(),
              r.noDelayBaselineRate()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "| median | | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n%n",
            median(DeliveryRound::renderRate),
            median(DeliveryRound::enqueueRate),
            median(DeliveryRound::workerRate),
            median(DeliveryRound::oneThreadWorkerRate),
            median(DeliveryRound::endToEndRate),
            median(DeliveryRound::baselineRate),
            median(DeliveryRound::noDelayBaselineRate)));
    out.append(
        "Ratios of quotes per second, each against a baseline of the same round; the last row is"
            + " the median of each column.\n\n");
    out.append(
        "| Round | End-to-end ÷ baseline | Worker ÷ baseline | Worker, 1 thread ÷ baseline"
            + " | End-to-end ÷ TCP_NODELAY baseline | Worker ÷ TCP_NODELAY baseline |\n"
            + "|---:|---:|---:|---:|---:|---:|\n");
    for (DeliveryRound r : delivery.rounds()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
              r.number(),
              endToEndRatio(r),
              workerRatio(r),
              oneThreadWorkerRatio(r),
              endToEndNoDelayRatio(r),
              workerNoDelayRatio(r)));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "| median | %.2f | %.2f | %.2f | %.2f | %.2f |%n%n",
            median(DeliveryReport::endToEndRatio),
            median(DeliveryReport::workerRatio),
            median(DeliveryReport::oneThreadWorkerRatio),
            median(DeliveryReport::endToEndNoDelayRatio),
            median(DeliveryReport::workerNoDelayRatio)));
    out.append("Time per quote (1000 ÷ the median quotes per second above):\n\n");
    out.append("| Step | ms per quote |\n|---|---:|\n");
    timePerQuote(out, "Render alone (one thread)", DeliveryRound::renderRate);
    timePerQuote(
        out, "QuoteMailer enqueue, rendering included (one thread)", DeliveryRound::enqueueRate);
    timePerQuote(
        out,
        "QuoteMailer worker, "
            + DeliveryBenchmark.WORKER_THREADS
            + " threads (wall time ÷ quotes): claim, send, record",
        DeliveryRound::workerRate);
    timePerQuote(out, "QuoteMailer worker, 1 thread", DeliveryRound::oneThreadWorkerRate);
    timePerQuote(out, "Baseline: build and send (one connection)", DeliveryRound::baselineRate);
    timePerQuote(out, "Baseline, TCP_NODELAY", DeliveryRound::noDelayBaselineRate);
    out.append('\n');
  }

  private void timePerQuote(
      StringBuilder out, String step, ToDoubleFunction<DeliveryRound> quotesPerSecond) {
    out.append(
        String.format(Locale.ROOT, "| %s | %.2f |%n", step, 1000.0 / median(quotesPerSecond)));
  }

  private void targets(StringBuilder out) {
    out.append("### Against the issue's targets\n\n");
    out.append("| Target | Measured in this run | Met |\n|---|---:|---|\n");
    latencyTarget(out, "`mailer.enqueue` (render + insert)", postgres(EnqueueLatency.VIA_MAILER));
    latencyTarget(out, "the outbox insert alone", postgres(EnqueueLatency.INSERT_ONLY));
    ratioTarget(out, "render + send, against the baseline", median(DeliveryReport::endToEndRatio));
    ratioTarget(
        out,
        "worker only (rendered at enqueue), against the baseline",
        median(DeliveryReport::workerRatio));
    ratioTarget(
        out,
        "render + send, against the TCP_NODELAY baseline",
        median(DeliveryReport::endToEndNoDelayRatio));
    out.append('\n');
  }

  private void latencyTarget(StringBuilder out, String what, Optional<EnqueueLatency> row) {
    String target = "Enqueue p99 under 5 ms on PostgreSQL: " + what;
    if (row.isEmpty()) {
      out.append("| ").append(target).append(" | not measured | — |\n");
      return;
    }
    double p99 = row.get().latencies().percentileMillis(99);
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | p99 %.2f ms | %s |%n",
            target,
            p99,
            p99 < TARGET_P99_MILLIS ? "yes" : "**no**"));
  }

  private static void ratioTarget(StringBuilder out, String what, double ratio) {
    out.append(
        String.format(
            Locale.ROOT,
            "| End-to-end at least 0.8 of the baseline: %s | %.2f (median ratio) | %s |%n",
            what,
            ratio,
            ratio >= TARGET_RATIO ? "yes" : "**no**"));
  }

  private void phaseTable(StringBuilder out) {
    out.append("### Run conditions\n\n");
    out.append(
        "CPU is this JVM's (the code measured, H2, GreenMail, JIT and GC), not PostgreSQL's server"
            + " processes. CPU ÷ wall is how many of the 2 cores the JVM kept busy; well below the"
            + " number of busy threads, it was waiting: for the CPU, for PostgreSQL or for the"
            + " network stack.\n\n");
    PhaseRecorder.appendTable(out, phases);
  }

  private static double endToEndRatio(DeliveryRound r) {
    return r.endToEndRate() / r.baselineRate();
  }

  private static double workerRatio(DeliveryRound r) {
    return r.workerRate() / r.baselineRate();
  }

  private static double oneThreadWorkerRatio(DeliveryRound r) {
    return r.oneThreadWorkerRate() / r.baselineRate();
  }

  private static double endToEndNoDelayRatio(DeliveryRound r) {
    return r.endToEndRate() / r.noDelayBaselineRate();
  }

  private static double workerNoDelayRatio(DeliveryRound r) {
    return r.workerRate() / r.noDelayBaselineRate();
  }

  private Optional<EnqueueLatency> postgres(String operation) {
    return latencies.stream()
        .filter(row -> row.database().startsWith("PostgreSQL"))
        .filter(row -> row.operation().equals(operation))
        .findFirst();
  }

  private double median(ToDoubleFunction<DeliveryRound> column) {
    double[] values = delivery.rounds().stream().mapToDouble(column).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static String withoutPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
