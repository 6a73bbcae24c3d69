package io.github.quotemailer.benchmarks;

import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.benchmarks.DeliveryReport.Delivery;
import io.github.quotemailer.benchmarks.DeliveryReport.DeliveryRound;
import io.github.quotemailer.benchmarks.DeliveryReport.EnqueueLatency;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.template.EmailContent;
import io.github.quotemailer.template.EmailTemplates;
import io.github.quotemailer.template.MessageFormatEmailTemplates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Measures QuoteMailer's delivery path in one run and prints a Markdown "Delivery" section for
 * {@code docs/performance.md}:
 *
 * <ol>
 *   <li><b>Enqueue latency</b> on H2 (in memory) and PostgreSQL ({@value #POSTGRES_URL_VARIABLE},
 *       default {@value #DEFAULT_POSTGRES_URL}, in a schema of its own that is dropped afterwards):
 *       {@value #ENQUEUES} calls of {@code mailer.enqueue(email)} (renders the PDF, then inserts)
 *       and of {@code stores.outbox().enqueue(message)} (the insert alone, PDF pre-rendered), each
 *       after {@value #ENQUEUE_WARMUP} warm-up calls; p50, p90, p99 and max.
 *   <li><b>End-to-end delivery</b> to a GreenMail SMTP server in this JVM on 127.0.0.1: {@value
 *       #QUOTES_PER_ROUND} quotes enqueued on H2 and drained by {@code mailer.worker()} ({@value
 *       #WORKER_THREADS} threads, and again with one), against the baseline of the same
 *       pre-rendered PDF sent with plain Jakarta Mail over one reused connection (with its
 *       defaults, and again with {@code TCP_NODELAY}); rendering the quotes alone is timed too.
 *       {@value #ROUNDS} rounds after a warm-up round, even rounds in reverse order.
 * </ol>
 *
 * <pre>{@code
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.quotemailer.benchmarks.DeliveryBenchmark [section.md]
 * }</pre>
 *
 * <p>The section also goes to the file given as the only argument, if any. A run takes about five
 * minutes on two cores. Plain {@code main} rather than JMH: the figures are percentiles of single
 * calls and the throughput of a multi-threaded worker, timed with {@link System#nanoTime()}.
 */
public final class DeliveryBenchmark {
  /** Where the PostgreSQL server is, as a JDBC URL carrying the credentials. */
  static final String POSTGRES_URL_VARIABLE = "QM_BENCH_POSTGRES_URL";

  /** The local test server of this project's machines: trust authentication, database "test". */
  static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  /** Measured enqueues per operation and database: 2,000 leave 20 samples above p99. */
  static final int ENQUEUES = 2000;

  /** Unmeasured enqueues first: enough for the JIT to compile rendering and the insert path. */
  static final int ENQUEUE_WARMUP = 300;

  /** Quotes per delivery round: a few seconds of sending, long enough to dwarf start-up effects. */
  static final int QUOTES_PER_ROUND = 500;

  /** Unmeasured quotes of the warm-up round, on every side of the delivery comparison. */
  static final int DELIVERY_WARMUP = 100;

  /** Measured delivery rounds: three show the spread a shared machine causes. */
  static final int ROUNDS = 3;

  /** Lines of the benchmark quote: a typical quote, two pages of PDF. */
  static final int LINES = 20;

  /** The worker's sending threads: its default, and one per core of the reference machine. */
  static final int WORKER_THREADS = DeliveryWorker.DEFAULT_THREADS;

  /** The worker's poll interval: short, so the idle tail at the end of a round stays small. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(10);

  private static final String COMPANY = LoopbackSmtp.COMPANY;
  private static final String CUSTOMER = LoopbackSmtp.CUSTOMER;
  private static final EmailTemplates TEMPLATES = MessageFormatEmailTemplates.defaults();

  private final Quote quote;
  private final OpenPdfQuoteRenderer renderer;
  private final LoopbackSmtp smtp;
  private final PhaseRecorder phases = new PhaseRecorder();

  private DeliveryBenchmark(LoopbackSmtp smtp) {
    this.quote = BenchmarkQuotes.withLines(LINES);
    this.renderer = OpenPdfQuoteRenderer.create();
    this.smtp = smtp;
  }

  /** Runs every measurement, prints the section and writes it to {@code args[0]} when given. */
  public static void main(String[] args) throws Exception {
    String postgresUrl =
        Optional.ofNullable(System.getenv(POSTGRES_URL_VARIABLE))
            .filter(url -> !url.isBlank())
            .orElse(DEFAULT_POSTGRES_URL);
    Instant started = Instant.now();
    String loadAtStart = RunConditions.loadAverage();
    DeliveryReport report;
    try (LoopbackSmtp smtp = LoopbackSmtp.start()) {
      DeliveryBenchmark benchmark = new DeliveryBenchmark(smtp);
      List<EnqueueLatency> latencies = new ArrayList<>();
      try (BenchmarkDatabase h2 = BenchmarkDatabase.h2("bench")) {
        latencies.addAll(benchmark.enqueueLatency("H2", h2));
      }
      Optional<String> postgresProblem = Optional.empty();
      try (BenchmarkDatabase postgres = BenchmarkDatabase.postgres(postgresUrl)) {
        latencies.addAll(benchmark.enqueueLatency("PostgreSQL", postgres));
      } catch (Exception e) {
        // Report what was measured; say plainly which database was not, and why.
        postgresProblem = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        System.err.println("PostgreSQL not measured: " + postgresProblem.get());
      }
      Delivery delivery = benchmark.delivery();
      report =
          new DeliveryReport(
              started,
              Instant.now(),
              loadAtStart,
              RunConditions.loadAverage(),
              postgresUrl,
              postgresProblem,
              latencies,
              delivery,
              benchmark.phases.phases());
    }
    String markdown = report.markdown();
    System.out.println();
    System.out.println(markdown);
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), markdown, StandardCharsets.UTF_8);
    }
  }

  /** Both enqueue operations on {@code database}, after migrating it. */
  private List<EnqueueLatency> enqueueLatency(String label, BenchmarkDatabase database)
      throws Exception {
    JdbcStores stores = database.stores();
    stores.migrate();
    OutboxStore outbox = stores.outbox();
    try (QuoteMailer mailer = mailer(stores)) {
      Latencies viaMailer =
          phases.phase(
              label + ": mailer.enqueue",
              () ->
                  EnqueueTiming.timeEach(
                      ENQUEUE_WARMUP,
                      ENQUEUES,
                      i -> {
                        QuoteEmail email = email("mailer-" + i);
                        return () -> mailer.enqueue(email);
                      }));
      byte[] pdf = renderer.render(quote);
      EmailContent content = TEMPLATES.render(quote);
      Latencies insertOnly =
          phases.phase(
              label + ": outbox.enqueue",
              () ->
                  EnqueueTiming.timeEach(
                      ENQUEUE_WARMUP,
                      ENQUEUES,
                      i -> {
                        OutboxMessage message = prerendered("outbox-" + i, content, pdf);
                        return () -> outbox.enqueue(message);
                      }));
      return List.of(
          new EnqueueLatency(
              database.product(), database.durability(), EnqueueLatency.VIA_MAILER, viaMailer),
          new EnqueueLatency(
              database.product(), database.durability(), EnqueueLatency.INSERT_ONLY, insertOnly));
    }
  }

  /** The warm-up round, then {@value #ROUNDS} measured rounds, on a fresh in-memory H2. */
  private Delivery delivery() throws Exception {
    try (BenchmarkDatabase database = BenchmarkDatabase.h2("bench_e2e")) {
      database.stores().migrate();
      try (QuoteMailer mailer = mailer(database.stores())) {
        Rounds rounds = new Rounds(mailer, database);
        long[] messageBytes = phases.phase("delivery warm-up", rounds::warmUp);
        List<DeliveryRound> measured = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
          int number = round;
          measured.add(phases.phase("delivery round " + round, () -> rounds.measure(number)));
        }
        return new Delivery(measured, rounds.pdf.length, messageBytes[0], messageBytes[1]);
      }
    }
  }

  /** Seconds to render {@code count} quotes one after another on this thread. */
  private double renderAll(int count) {
    long bytes = 0;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      bytes += renderer.render(quote).length;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (bytes == 0) {
      throw new IllegalStateException("the renderer returned empty documents");
    }
    return seconds;
  }

  private QuoteMailer mailer(JdbcStores stores) {
    return smtp.mailer(stores, renderer);
  }

  /** The benchmark quote to the customer, on its own deal so the idempotency key is new. */
  private QuoteEmail email(String dealId) {
    return QuoteEmail.of(quote, CUSTOMER).withDealId(dealId);
  }

  /** What {@code mailer.enqueue} would store for the benchmark quote, with {@code pdf} given. */
  private OutboxMessage prerendered(String key, EmailContent content, byte[] pdf) {
    return OutboxMessage.builder()
        .idempotencyKey(key)
        .messageId("<bench." + UUID.randomUUID() + "@inair.example>")
        .salesperson(quote.salesperson())
        .quoteNumber(quote.number())
        .to(List.of(EmailAddress.of(CUSTOMER)))
        .cc(List.of())
        .content(content)
        .pdf(pdf)
        .pdfFileName(quote.fileName())
        .enqueuedAt(Instant.now())
        .build();
  }

  /** The senders compared in every delivery round, in the order odd rounds run them. */
  private enum Side {
    BASELINE,
    NO_DELAY_BASELINE,
    WORKER,
    ONE_THREAD_WORKER
  }

  /** The sides of the delivery comparison, sharing one mailer, database and SMTP server. */
  private final class Rounds {
    private final QuoteMailer mailer;
    private final BenchmarkDatabase database;
    private final byte[] pdf;
    private final EmailContent content;
    private final BareJakartaMail bare;
    private final BareJakartaMail noDelay;

    Rounds(QuoteMailer mailer, BenchmarkDatabase database) {
      this.mailer = mailer;
      this.database = database;
      this.pdf = renderer.render(quote);
      this.content = TEMPLATES.render(quote);
      this.bare = smtp.bareJakartaMail(false);
      this.noDelay = smtp.bareJakartaMail(true);
    }

    /**
     * Runs rendering and every side on {@value #DELIVERY_WARMUP} quotes; returns the size of one
     * message from the worker and one from the plain baseline.
     */
    long[] warmUp() throws Exception {
      renderAll(DELIVERY_WARMUP);
      long[] messageBytes = new long[2];
      for (Side side : Side.values()) {
        run(side, "warm-up-", DELIVERY_WARMUP);
        if (side == Side.WORKER) {
          messageBytes[0] = smtp.firstReceivedBytes();
        } else if (side == Side.BASELINE) {
          messageBytes[1] = smtp.firstReceivedBytes();
        }
      }
      return messageBytes;
    }

    /** Round {@code number}: rendering alone, then every side; even rounds in reverse order. */
    DeliveryRound measure(int number) throws Exception {
      String load = RunConditions.loadAverage();
      double render = renderAll(QUOTES_PER_ROUND);
      List<Side> order = new ArrayList<>(List.of(Side.values()));
      if (number % 2 == 0) {
        Collections.reverse(order);
      }
      Map<Side, double[]> seconds = new EnumMap<>(Side.class);
      for (Side side : order) {
        seconds.put(side, run(side, "round-" + number + "-", QUOTES_PER_ROUND));
      }
      return new DeliveryRound(
          number,
          load,
          QUOTES_PER_ROUND,
          render,
          seconds.get(Side.WORKER)[0],
          seconds.get(Side.WORKER)[1],
          seconds.get(Side.ONE_THREAD_WORKER)[1],
          seconds.get(Side.BASELINE)[0],
          seconds.get(Side.NO_DELAY_BASELINE)[0]);
    }

    /** Seconds {@code side} took for {@code count} quotes: send, or enqueue and then send. */
    private double[] run(Side side, String keyPrefix, int count) throws Exception {
      return switch (side) {
        case BASELINE -> new double[] {baseline(bare, count)};
        case NO_DELAY_BASELINE -> new double[] {baseline(noDelay, count)};
        case WORKER -> quoteMailer(keyPrefix + "worker-", count, WORKER_THREADS);
        case ONE_THREAD_WORKER -> quoteMailer(keyPrefix + "one-thread-", count, 1);
      };
    }

    /**
     * Enqueues {@code count} quotes (rendering each), then drains them with a new worker of {@code
     * threads} threads; returns the seconds of both steps. Fails unless GreenMail received exactly
     * {@code count} messages.
     */
    private double[] quoteMailer(String keyPrefix, int count, int threads) throws Exception {
      clear();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        if (!mailer.enqueue(email(keyPrefix + i)).created()) {
          throw new IllegalStateException("key " + keyPrefix + i + " was already enqueued");
        }
      }
      long enqueued = System.nanoTime();
      DeliveryWorker worker = mailer.worker().threads(threads).pollInterval(POLL_INTERVAL).build();
      long drainStart = System.nanoTime();
      worker.runUntilIdle();
      long drained = System.nanoTime();
      smtp.requireReceived(count);
      return new double[] {(enqueued - start) / 1e9, (drained - drainStart) / 1e9};
    }

    /** Seconds for {@code sender} to send {@code count} messages, connection included. */
    private double baseline(BareJakartaMail sender, int count) throws Exception {
      clear();
      long start = System.nanoTime();
      sender.sendAll(
          count, COMPANY, CUSTOMER, content.subject(), content.text(), pdf, quote.fileName());
      double seconds = (System.nanoTime() - start) / 1e9;
      smtp.requireReceived(count);
      return seconds;
    }

    /** Empties the mailboxes and removes sent entries, so every side starts alike. */
    private void clear() throws Exception {
      smtp.purge();
      database.stores().outbox().purge(Instant.now().plusSeconds(1));
    }
  }
}
