package io.github.quotemailer.benchmarks;

import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * How fast the same quote PDF goes over the wire from one JVM to one loopback SMTP server, sent in
 * seven ways in interleaved rounds, each divided by the reference of its round (plain Angus Mail
 * with {@code TCP_NODELAY}, one connection): plain Angus Mail with default sockets, Simple Java
 * Mail with its connection pool, QuoteMailer {@code send()} with a pre-rendered PDF and with
 * rendering, and QuoteMailer's outbox drained by a two-thread worker on H2 and on PostgreSQL. In
 * the same run: rendering against bare OpenPDF with fonts parsed once, enqueue latency with and
 * without rendering, and a place for the claim cost section.
 *
 * <pre>{@code
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java [-Dwire.rounds=5 -Dwire.messages=200 ...] -cp benchmarks/target/benchmarks.jar \
 *     io.github.quotemailer.benchmarks.WireSpeedBenchmark [report.md]
 * }</pre>
 *
 * <p>Options and their defaults: {@link WireSpeedOptions}; the defaults take about seven minutes on
 * two cores. PostgreSQL comes from {@value DeliveryBenchmark#POSTGRES_URL_VARIABLE} as for {@link
 * DeliveryBenchmark}; without it the PostgreSQL parts are reported as not measured. The report goes
 * to standard output and to the file argument, if any.
 */
public final class WireSpeedBenchmark {
  private final WireSpeedOptions options;
  private final LoopbackSmtp smtp;
  private final OpenPdfQuoteRenderer renderer;
  private final BenchmarkMessage message;
  private final PhaseRecorder phases = new PhaseRecorder();
  private final List<String> notMeasured = new ArrayList<>();

  private WireSpeedBenchmark(WireSpeedOptions options, LoopbackSmtp smtp) {
    this.options = options;
    this.smtp = smtp;
    this.renderer = OpenPdfQuoteRenderer.create();
    this.message = BenchmarkMessage.render(renderer);
  }

  /** Runs every part, prints the report and writes it to the file argument when given. */
  public static void main(String[] args) throws Exception {
    WireSpeedOptions options = WireSpeedOptions.from(args);
    System.out.println("Reproduce with: " + options.command());
    Instant started = Instant.now();
    String loadAtStart = RunConditions.loadAverage();
    WireSpeedReport report;
    try (LoopbackSmtp smtp = LoopbackSmtp.start()) {
      report = new WireSpeedBenchmark(options, smtp).run(started, loadAtStart);
    }
    String markdown = report.markdown();
    System.out.println();
    System.out.println(markdown);
    if (options.outputFile().isPresent()) {
      Files.writeString(Path.of(options.outputFile().get()), markdown, StandardCharsets.UTF_8);
    }
  }

  /**
   * The claim cost at 1,000 against 100,000 outbox rows on H2 and PostgreSQL, with PostgreSQL's
   * plan: {@link ClaimBenchmark}'s Markdown section, timed as a phase of its own.
   */
  static Optional<Callable<String>> claimCostSection() {
    return Optional.of(ClaimBenchmark::section);
  }

  private WireSpeedReport run(Instant started, String loadAtStart) throws Exception {
    RenderRounds rendering = new RenderRounds(renderer, message.quote());
    List<RenderRounds.Round> renderRounds = renderRounds(rendering);
    List<EnqueueComparison> enqueue = enqueueLatency();
    SendingResults sending = sendingRounds();
    Optional<String> claimCost = claimCost(claimCostSection());
    return new WireSpeedReport(
        options,
        started,
        Instant.now(),
        loadAtStart,
        RunConditions.loadAverage(),
        sending.sides(),
        sending.rounds(),
        message.pdf().length,
        renderRounds,
        rendering.documentBytes(),
        enqueue,
        claimCost,
        notMeasured,
        phases.phases());
  }

  private List<RenderRounds.Round> renderRounds(RenderRounds rendering) throws Exception {
    phases.phase("render warm-up", () -> rendering.round(0, options.warmUpDocuments()));
    List<RenderRounds.Round> rounds = new ArrayList<>();
    for (int round = 1; round <= options.rounds(); round++) {
      int number = round;
      rounds.add(
          phases.phase(
              "render round " + number, () -> rendering.round(number, options.documents())));
    }
    return rounds;
  }

  private List<EnqueueComparison> enqueueLatency() throws Exception {
    List<EnqueueComparison> results = new ArrayList<>();
    try (BenchmarkDatabase h2 = BenchmarkDatabase.h2("wire_enqueue")) {
      results.add(phases.phase("enqueue latency, H2", () -> enqueueLatency(h2)));
    }
    Optional<BenchmarkDatabase> postgres = postgres("enqueue latency");
    if (postgres.isPresent()) {
      try (BenchmarkDatabase database = postgres.get()) {
        results.add(phases.phase("enqueue latency, PostgreSQL", () -> enqueueLatency(database)));
      }
    }
    return results;
  }

  private EnqueueComparison enqueueLatency(BenchmarkDatabase database) {
    return EnqueueComparison.measure(
        smtp, database, message, renderer, options.enqueueWarmUp(), options.enqueueCalls());
  }

  /** The senders, reference first, and their rounds. */
  private record SendingResults(
      List<WireSpeedReport.Side> sides, List<Map<String, Double>> rounds) {}

  private SendingResults sendingRounds() throws Exception {
    try (Resources resources = new Resources()) {
      WireRounds rounds = new WireRounds(smtp, senders(resources));
      Map<String, Long> messageBytes =
          phases.phase("sending warm-up", () -> rounds.warmUp(options.warmUpMessages()));
      List<Map<String, Double>> measured = new ArrayList<>();
      for (int round = 1; round <= options.rounds(); round++) {
        int number = round;
        measured.add(
            phases.phase(
                "sending round " + number, () -> rounds.round(number, options.messages())));
      }
      List<WireSpeedReport.Side> sides = new ArrayList<>();
      for (Sender sender : rounds.senders()) {
        sides.add(
            new WireSpeedReport.Side(
                sender.label(), sender.description(), messageBytes.get(sender.label())));
      }
      return new SendingResults(sides, measured);
    }
  }

  /** Every side, reference first; what they hold is closed with {@code resources}. */
  private List<Sender> senders(Resources resources) throws Exception {
    BenchmarkDatabase sendLog = resources.add(BenchmarkDatabase.h2("wire_send"));
    sendLog.stores().migrate();
    BenchmarkDatabase h2Outbox = resources.add(BenchmarkDatabase.h2("wire_outbox"));
    List<Sender> senders = new ArrayList<>();
    senders.add(resources.add(new BareAngusSender(smtp, message, true)));
    senders.add(resources.add(new BareAngusSender(smtp, message, false)));
    senders.add(resources.add(new SimpleJavaMailSender(smtp, message)));
    senders.add(resources.add(QuoteMailerSendSender.preRendered(smtp, sendLog.stores(), message)));
    senders.add(
        resources.add(QuoteMailerSendSender.rendering(smtp, sendLog.stores(), message, renderer)));
    senders.add(resources.add(OutboxWorkerSender.preRendered(smtp, h2Outbox, "H2", message)));
    BenchmarkDatabase h2Rendering = resources.add(BenchmarkDatabase.h2("wire_outbox_rendering"));
    senders.add(
        resources.add(OutboxWorkerSender.rendering(smtp, h2Rendering, "H2", message, renderer)));
    Optional<BenchmarkDatabase> postgres = postgres("the PostgreSQL outbox side");
    Optional<BenchmarkDatabase> postgresRendering = postgres("the PostgreSQL rendering side");
    if (postgres.isPresent()) {
      BenchmarkDatabase database = resources.add(postgres.get());
      senders.add(
          resources.add(OutboxWorkerSender.preRendered(smtp, database, "PostgreSQL", message)));
    }
    if (postgresRendering.isPresent()) {
      BenchmarkDatabase database = resources.add(postgresRendering.get());
      senders.add(
          resources.add(
              OutboxWorkerSender.rendering(smtp, database, "PostgreSQL", message, renderer)));
    }
    return senders;
  }

  /** A new schema on the PostgreSQL server, or empty (noted in the report) when it fails. */
  private Optional<BenchmarkDatabase> postgres(String what) {
    try {
      return Optional.of(BenchmarkDatabase.postgres(options.postgresUrl()));
    } catch (Exception e) {
      String problem =
          what
              + ": PostgreSQL at `"
              + WireSpeedOptions.withoutPassword(options.postgresUrl())
              + "` not reachable ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")";
      System.err.println("Not measured: " + problem);
      notMeasured.add(problem);
      return Optional.empty();
    }
  }

  private Optional<String> claimCost(Optional<Callable<String>> section) throws Exception {
    if (section.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(phases.phase("claim cost", section.get()));
  }

  /** What the sending rounds open, closed in reverse order: senders before their databases. */
  private static final class Resources implements AutoCloseable {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T resource) {
      opened.push(resource);
      return resource;
    }

    @Override
    public void close() throws Exception {
      Exception first = null;
      while (!opened.isEmpty()) {
        try {
          opened.pop().close();
        } catch (Exception e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }
}
