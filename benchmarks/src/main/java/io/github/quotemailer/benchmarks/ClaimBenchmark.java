package io.github.quotemailer.benchmarks;

import io.github.quotemailer.jdbc.internal.OutboxDao;
import io.github.quotemailer.jdbc.internal.dialect.PostgresDialect;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.spi.OutboxStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Measures the worker's claim on a small and a grown outbox and prints a Markdown "Claim" section:
 * whether claiming stays as cheap with 100,000 rows in {@code qm_outbox} as with 1,000.
 *
 * <p>On H2 (in memory) and PostgreSQL ({@value DeliveryBenchmark#POSTGRES_URL_VARIABLE}, default
 * {@value DeliveryBenchmark#DEFAULT_POSTGRES_URL}, in a schema of its own that is dropped
 * afterwards), the outbox is migrated, then filled by JDBC batches with {@value #SMALL_OUTBOX} rows
 * and measured, then grown to {@value #LARGE_OUTBOX} rows and measured again. The rows look like an
 * outbox after weeks of use: 97% sent long ago, 1% dead, 1% pending and due, 1% pending and waiting
 * for a retry. After {@code ANALYZE}, {@value #CLAIMS} claims are timed (after {@value #WARMUP}
 * unmeasured ones) as the worker makes them: {@link OutboxStore#claim} of {@value #CLAIM_BATCH}
 * entries with a lease; every claimed entry is then released, untimed, so each claim finds the same
 * rows. The section gives p50, p99 and mean per claim at both sizes, their ratio, and the plan of
 * the claim query at the large size: PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} of the query
 * the library runs (read from its statement interface, so it cannot drift), with the plan
 * PostgreSQL caches for the worker's prepared statement after a few claims, and H2's {@code EXPLAIN
 * ANALYZE}.
 *
 * <pre>{@code
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.quotemailer.benchmarks.ClaimBenchmark [section.md]
 * }</pre>
 *
 * <p>The section also goes to the file given as the only argument, if any. A run takes about a
 * minute on two cores; on a shared machine, read the milliseconds as rough and the plans (rows and
 * buffers touched) as exact.
 */
public final class ClaimBenchmark {
  /** Rows of the small outbox: a few days of a small sales team. */
  static final int SMALL_OUTBOX = 1_000;

  /** Rows of the grown outbox: a busy year without a purge. */
  static final int LARGE_OUTBOX = 100_000;

  /** Measured claims per size and database: 2,000 leave 20 samples above p99. */
  static final int CLAIMS = 2_000;

  /**
   * Unmeasured claims first, at each size: enough for the JIT, the statement caches and, on H2, for
   * the table to settle after the bulk load. Right after 100,000 rows were inserted, H2's claims
   * took 3-6 times as long for the first 5,000 or so claims, then dropped to the 1,000-row figure
   * (the same in a loop of claims outside this class); a short warm-up measured that transient, not
   * the claim.
   */
  static final int WARMUP = 10_000;

  /** Entries per claim: what an idle worker with the default threads asks for. */
  static final int CLAIM_BATCH = DeliveryWorker.DEFAULT_THREADS;

  /** The worker's lease: long enough that no lease expires during a run. */
  static final Duration LEASE = Duration.ofMinutes(5);

  /** Rows per JDBC batch while filling: large enough to make filling quick. */
  static final int INSERT_BATCH = 1_000;

  /** Twice the small outbox's cost: what the grown outbox may cost at most. */
  static final double ALLOWED_RATIO = 2.0;

  private static final String OWNER = "claim-benchmark";
  private static final byte[] PDF = "%PDF-1.4 claim benchmark".getBytes(StandardCharsets.US_ASCII);

  private final Instant now;

  private ClaimBenchmark(Instant now) {
    this.now = now;
  }

  /** Runs the measurements, prints the section and writes it to {@code args[0]} when given. */
  public static void main(String[] args) throws Exception {
    String markdown = section();
    System.out.println();
    System.out.println(markdown);
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), markdown, StandardCharsets.UTF_8);
    }
  }

  /**
   * The Markdown section of a run on H2 and the PostgreSQL server named by {@value
   * DeliveryBenchmark#POSTGRES_URL_VARIABLE} (default {@value
   * DeliveryBenchmark#DEFAULT_POSTGRES_URL}): what another runner includes in its report.
   */
  public static String section() throws Exception {
    String postgresUrl =
        Optional.ofNullable(System.getenv(DeliveryBenchmark.POSTGRES_URL_VARIABLE))
            .filter(url -> !url.isBlank())
            .orElse(DeliveryBenchmark.DEFAULT_POSTGRES_URL);
    return run(postgresUrl).markdown();
  }

  /**
   * Measures H2 and the PostgreSQL server at {@code postgresUrl}; a PostgreSQL that cannot be
   * reached is reported as not measured, with the reason.
   */
  public static Report run(String postgresUrl) throws Exception {
    Instant started = Instant.now();
    String loadAtStart = RunConditions.loadAverage();
    ClaimBenchmark benchmark = new ClaimBenchmark(started.truncatedTo(ChronoUnit.MILLIS));
    List<Size> sizes = new ArrayList<>();
    List<Plan> plans = new ArrayList<>();
    try (BenchmarkDatabase h2 = BenchmarkDatabase.h2("claim")) {
      sizes.addAll(benchmark.bothSizes("H2", h2, benchmark::h2Plans, plans));
    }
    Optional<String> postgresProblem = Optional.empty();
    try (BenchmarkDatabase postgres = BenchmarkDatabase.postgres(postgresUrl)) {
      sizes.addAll(benchmark.bothSizes("PostgreSQL", postgres, benchmark::postgresPlans, plans));
    } catch (Exception e) {
      // Report what was measured; say plainly which database was not, and why.
      postgresProblem = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
      System.err.println("PostgreSQL not measured: " + postgresProblem.get());
    }
    return new Report(
        started,
        Instant.now(),
        loadAtStart,
        RunConditions.loadAverage(),
        postgresUrl,
        postgresProblem,
        sizes,
        plans);
  }

  /**
   * Migrates {@code database}, then fills and measures the small outbox, then the grown one; adds
   * the grown outbox's claim plans to {@code plans}, read before the timed claims and again after
   * them.
   */
  private List<Size> bothSizes(
      String label, BenchmarkDatabase database, PlanReader planReader, List<Plan> plans)
      throws Exception {
    database.stores().migrate();
    Jdbi jdbi = database.stores().jdbi();
    OutboxStore outbox = database.stores().outbox();
    fill(jdbi, 0, SMALL_OUTBOX);
    analyze(jdbi);
    Size small = measure(label, database, outbox, SMALL_OUTBOX);
    fill(jdbi, SMALL_OUTBOX, LARGE_OUTBOX);
    analyze(jdbi);
    plans.addAll(planReader.read(database, "after ANALYZE, before the timed claims"));
    Size large = measure(label, database, outbox, LARGE_OUTBOX);
    plans.addAll(
        planReader.read(
            database,
            "after the "
                + String.format(Locale.ROOT, "%,d", WARMUP + CLAIMS)
                + " claims and releases, warm-up included (their dead row versions not vacuumed yet)"));
    return List.of(small, large);
  }

  /** Times {@value #CLAIMS} claims after {@value #WARMUP}; each releases what it claimed. */
  private Size measure(String label, BenchmarkDatabase database, OutboxStore outbox, int rows) {
    String loadBefore = RunConditions.loadAverage();
    long[] nanos = new long[CLAIMS];
    for (int i = 0; i < WARMUP + CLAIMS; i++) {
      long start = System.nanoTime();
      List<OutboxEntry> claimed = outbox.claim(OWNER, now, LEASE, CLAIM_BATCH);
      long elapsed = System.nanoTime() - start;
      if (claimed.size() != CLAIM_BATCH) {
        throw new IllegalStateException(
            label + " claim " + i + " leased " + claimed.size() + " entries, not " + CLAIM_BATCH);
      }
      for (OutboxEntry entry : claimed) {
        outbox.release(entry.id(), OWNER);
      }
      if (i >= WARMUP) {
        nanos[i - WARMUP] = elapsed;
      }
    }
    return new Size(
        label,
        database.product(),
        rows,
        Latencies.of(nanos),
        loadBefore,
        RunConditions.loadAverage());
  }

  /**
   * Inserts rows {@code from} (inclusive) to {@code to} (exclusive): per hundred, 97 sent and 1
   * dead, enqueued a day and more ago, one pending and due within the last ten minutes, and one
   * pending with its retry an hour or more ahead.
   */
  private void fill(Jdbi jdbi, int from, int to) throws SQLException {
    jdbi.useTransaction(handle -> insertRows(handle.getConnection(), from, to));
  }

  private void insertRows(Connection c, int from, int to) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            """
                insert into qm_outbox (
                    id, idempotency_key, message_id, user_id, salesperson_name, salesperson_email,
                    salesperson_phone, quote_number, to_recipients, cc_recipients, subject,
                    body_text, body_html, pdf, pdf_file_name, enqueued_at, state, attempts,
                    next_attempt_at, last_error, fallback_reason, send_started, lease_owner,
                    lease_until, sent_at, updated_at, deferred_until, deferred_reason)
                values (?, ?, ?, ?, 'Juan Pérez', 'juan@inair.example', null, ?,
                        'compras@hsjn.example', '', ?, 'Adjunto la cotización.',
                        '<p>Adjunto la cotización.</p>', ?, ?, ?, ?, ?, ?, ?, null, false, null,
                        null, ?, ?, null, null)""")) {
      for (int i = from; i < to; i++) {
        bind(insert, i);
        insert.addBatch();
        if ((i - from + 1) % INSERT_BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** Binds row {@code i} of the outbox this benchmark fills. */
  private void bind(PreparedStatement insert, int i) throws SQLException {
    int kind = i % 100;
    String state = kind < 97 ? "SENT" : kind == 97 ? "DEAD" : "PENDING";
    Instant enqueued =
        kind < 98
            ? now.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(i))
            : now.minusSeconds(600 + i % 600);
    Instant nextAttempt =
        kind < 98 ? enqueued : kind == 98 ? now.minusSeconds(i % 600) : now.plusSeconds(3600 + i);
    String quote = String.format(Locale.ROOT, "COT-2025-%06d", i);
    insert.setString(1, UUID.randomUUID().toString());
    insert.setString(2, "claim-benchmark-" + i);
    insert.setString(3, "<claim." + i + "@inair.example>");
    insert.setString(4, "user-" + i % 25);
    insert.setString(5, quote);
    insert.setString(6, "Cotización " + quote);
    insert.setBytes(7, PDF);
    insert.setString(8, quote + ".pdf");
    insert.setObject(9, utc(enqueued));
    insert.setString(10, state);
    insert.setInt(11, kind == 97 ? 5 : 1);
    insert.setObject(12, utc(nextAttempt));
    insert.setString(13, kind == 97 ? "550 5.1.1 mailbox unavailable" : null);
    insert.setObject(14, state.equals("SENT") ? utc(enqueued.plusSeconds(2)) : null);
    insert.setObject(15, utc(enqueued.plusSeconds(2)));
  }

  /** QuoteMailer's columns hold UTC wall-clock times without a zone. */
  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Refreshes the planner's statistics, as autovacuum or an operator would. */
  private static void analyze(Jdbi jdbi) throws SQLException {
    jdbi.useHandle(
        handle -> {
          try (Statement s = handle.getConnection().createStatement()) {
            s.execute(isPostgres(handle.getConnection()) ? "analyze qm_outbox" : "analyze");
          }
        });
  }

  /** H2's plan of the portable claim query, with the rows it read ({@code scanCount}). */
  private List<Plan> h2Plans(BenchmarkDatabase database, String when) throws Exception {
    String query = queryOf(OutboxDao.class, "claimableIds", Instant.class, int.class);
    return List.of(
        new Plan(
            "H2, " + LARGE_OUTBOX + " rows, " + when + ": EXPLAIN ANALYZE of the claim's query",
            explain(database.stores().jdbi(), List.of("explain analyze " + withValues(query)))));
  }

  /**
   * PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} of the claim's locking query, as planned for
   * this claim's values, and as planned once for every execution of a prepared statement (the
   * generic plan PostgreSQL may switch to after five executions of the worker's statement).
   */
  private List<Plan> postgresPlans(BenchmarkDatabase database, String when) throws Exception {
    String query =
        queryOf(PostgresDialect.OutboxStatements.class, "lockDueIds", Instant.class, int.class);
    Jdbi jdbi = database.stores().jdbi();
    String prepared = query.replace(":now", "$1").replace(":limit", "$2");
    return List.of(
        new Plan(
            "PostgreSQL, "
                + LARGE_OUTBOX
                + " rows, "
                + when
                + ": EXPLAIN (ANALYZE, BUFFERS) of the claim",
            explain(jdbi, List.of("explain (analyze, buffers) " + withValues(query)))),
        new Plan(
            "PostgreSQL, "
                + LARGE_OUTBOX
                + " rows, "
                + when
                + ": the same, generic plan of a prepared statement",
            explain(
                jdbi,
                List.of(
                    "prepare qm_claim(timestamp, int) as " + prepared,
                    "set local plan_cache_mode = force_generic_plan",
                    "explain (analyze, buffers) execute qm_claim("
                        + timestampLiteral()
                        + ", "
                        + CLAIM_BATCH
                        + ")",
                    "deallocate qm_claim"))));
  }

  /**
   * Runs {@code statements} in a transaction that is rolled back, so the locks a claim takes end
   * with it; returns what the last one that returns rows printed, one line per row.
   */
  private static String explain(Jdbi jdbi, List<String> statements) throws SQLException {
    return jdbi.inTransaction(
        handle -> {
          try (Statement s = handle.getConnection().createStatement()) {
            StringBuilder plan = new StringBuilder();
            for (String sql : statements) {
              if (s.execute(sql)) {
                plan.setLength(0);
                try (ResultSet rows = s.getResultSet()) {
                  while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                  }
                }
              }
            }
            return plan.toString().strip();
          } finally {
            handle.rollback();
          }
        });
  }

  /** {@code query} with the claim's values in place of {@code :now} and {@code :limit}. */
  private String withValues(String query) {
    return query.replace(":now", timestampLiteral()).replace(":limit", String.valueOf(CLAIM_BATCH));
  }

  private String timestampLiteral() {
    return "timestamp '" + utc(now).toString().replace('T', ' ') + "'";
  }

  /** The SQL of a statement interface's query method, as the library runs it. */
  private static String queryOf(Class<?> statements, String method, Class<?>... parameters)
      throws NoSuchMethodException {
    return statements.getMethod(method, parameters).getAnnotation(SqlQuery.class).value();
  }

  private static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
  }

  /** Reads the claim's plans on a database, at the moment {@code when} names. */
  private interface PlanReader {
    List<Plan> read(BenchmarkDatabase database, String when) throws Exception;
  }

  /** The claims timed on one database at one outbox size. */
  record Size(
      String database,
      String product,
      int rows,
      Latencies latencies,
      String loadBefore,
      String loadAfter) {}

  /** A query plan as the database printed it. */
  record Plan(String title, String text) {}

  /** Everything one run measured, and its Markdown section. */
  public record Report(
      Instant started,
      Instant finished,
      String loadAtStart,
      String loadAtEnd,
      String postgresUrl,
      Optional<String> postgresProblem,
      List<Size> sizes,
      List<Plan> plans) {

    /** The grown outbox's claim cost over the small one's, by p50, on {@code database}. */
    public Optional<Double> p50Ratio(String database) {
      return ratio(database, l -> l.percentileMillis(50));
    }

    /** The grown outbox's claim cost over the small one's, by mean, on {@code database}. */
    public Optional<Double> meanRatio(String database) {
      return ratio(database, Latencies::meanMillis);
    }

    private Optional<Double> ratio(String database, ToDoubleFunction<Latencies> statistic) {
      Optional<Size> small = size(database, SMALL_OUTBOX);
      Optional<Size> large = size(database, LARGE_OUTBOX);
      if (small.isEmpty() || large.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          statistic.applyAsDouble(large.get().latencies())
              / statistic.applyAsDouble(small.get().latencies()));
    }

    private Optional<Size> size(String database, int rows) {
      return sizes.stream()
          .filter(s -> s.database().equals(database) && s.rows() == rows)
          .findFirst();
    }

    /** The "Claim" section for {@code docs/performance.md}. */
    public String markdown() {
      StringBuilder md = new StringBuilder();
      md.append("## Claim: the worker's claim as the outbox grows\n\n");
      md.append(
          String.format(
              Locale.ROOT,
              "Run %s to %s; load average %s at the start, %s at the end (%d processors, %s)."
                  + " `%s.claim(owner, now, lease, %d)` through the outbox SPI, then a release"
                  + " of what it leased (untimed); %,d claims after %,d warm-up ones per size."
                  + " Rows: 97%% sent, 1%% dead, 1%% pending and due, 1%% pending and not"
                  + " due; `ANALYZE` after filling.\n\n",
              started,
              finished,
              loadAtStart,
              loadAtEnd,
              RunConditions.processors(),
              RunConditions.java(),
              "OutboxStore",
              CLAIM_BATCH,
              CLAIMS,
              WARMUP));
      md.append("| database | rows in qm_outbox | p50 ms | p99 ms | mean ms | max ms | load |\n");
      md.append("|---|---:|---:|---:|---:|---:|---|\n");
      for (Size s : sizes) {
        Latencies l = s.latencies();
        md.append(
            String.format(
                Locale.ROOT,
                "| %s (%s) | %,d | %.3f | %.3f | %.3f | %.3f | %s → %s |\n",
                s.database(),
                s.product(),
                s.rows(),
                l.percentileMillis(50),
                l.percentileMillis(99),
                l.meanMillis(),
                l.maxMillis(),
                s.loadBefore(),
                s.loadAfter()));
      }
      md.append("\n| database | p50 ratio ")
          .append(String.format(Locale.ROOT, "%,d / %,d", LARGE_OUTBOX, SMALL_OUTBOX))
          .append(" | p99 ratio | mean ratio | within ")
          .append(String.format(Locale.ROOT, "%.0f", ALLOWED_RATIO))
          .append("× (p50) |\n|---|---:|---:|---:|---|\n");
      for (String database : sizes.stream().map(Size::database).distinct().toList()) {
        double p50 = p50Ratio(database).orElse(Double.NaN);
        double p99 = ratio(database, l -> l.percentileMillis(99)).orElse(Double.NaN);
        double mean = meanRatio(database).orElse(Double.NaN);
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f | %s |\n",
                database,
                p50,
                p99,
                mean,
                p50 <= ALLOWED_RATIO ? "yes" : "no"));
      }
      postgresProblem.ifPresent(
          problem ->
              md.append("\nPostgreSQL (")
                  .append(postgresUrl.replaceAll("password=[^&]*", "password=…"))
                  .append(") not measured: ")
                  .append(problem)
                  .append('\n'));
      for (Plan plan : plans) {
        md.append("\n").append(plan.title()).append(":\n\n```\n");
        md.append(plan.text()).append("\n```\n");
      }
      return md.toString();
    }
  }
}
