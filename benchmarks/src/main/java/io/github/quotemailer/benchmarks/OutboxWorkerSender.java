package io.github.quotemailer.benchmarks;

import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import java.time.Duration;
import java.time.Instant;

/**
 * QuoteMailer's outbox: {@code count} quotes enqueued with {@code mailer.enqueue(email)} (untimed),
 * then drained by {@code mailer.worker().threads(2)...runUntilIdle()} (timed), on one database. The
 * worker claims each entry with a lease, sends it over a reused connection per thread, records the
 * attempt and marks the entry sent. The outbox stores the quote and the worker renders it when it
 * sends, with {@code OpenPdfQuoteRenderer} or with a lambda returning the PDF rendered beforehand
 * (the reference's work: the same PDF, no layout).
 */
final class OutboxWorkerSender implements Sender {
  /** The worker's sending threads, as DeliveryBenchmark runs it. */
  static final int THREADS = DeliveryBenchmark.WORKER_THREADS;

  /** The worker's poll interval, as DeliveryBenchmark runs it. */
  static final Duration POLL_INTERVAL = DeliveryBenchmark.POLL_INTERVAL;

  private final BenchmarkDatabase database;
  private final QuoteMailer mailer;
  private final BenchmarkMessage message;
  private final String databaseName;
  private final String rendererName;

  /**
   * A worker side on {@code database} (migrated here), labelled {@code databaseName} and {@code
   * rendererName}; closing it closes the mailer but not the database.
   */
  OutboxWorkerSender(
      LoopbackSmtp smtp,
      BenchmarkDatabase database,
      String databaseName,
      BenchmarkMessage message,
      QuoteDocumentRenderer renderer,
      String rendererName) {
    database.stores().migrate();
    this.database = database;
    this.mailer = smtp.mailer(database.stores(), renderer);
    this.message = message;
    this.databaseName = databaseName;
    this.rendererName = rendererName;
  }

  /** The worker with a renderer returning the PDF rendered beforehand, as the reference sends. */
  static OutboxWorkerSender preRendered(
      LoopbackSmtp smtp, BenchmarkDatabase database, String databaseName, BenchmarkMessage m) {
    return new OutboxWorkerSender(
        smtp,
        database,
        databaseName,
        m,
        QuoteMailerSendSender.preRenderedRenderer(m),
        "pre-rendered PDF");
  }

  /** The worker rendering every quote with {@code renderer} when it sends it. */
  static OutboxWorkerSender rendering(
      LoopbackSmtp smtp,
      BenchmarkDatabase database,
      String databaseName,
      BenchmarkMessage m,
      QuoteDocumentRenderer renderer) {
    return new OutboxWorkerSender(smtp, database, databaseName, m, renderer, "rendering");
  }

  @Override
  public String label() {
    return "QuoteMailer outbox worker, " + databaseName + ", " + rendererName;
  }

  @Override
  public String description() {
    return "`mailer.enqueue(email)` for every quote first (not timed), then `mailer.worker()"
        + ".threads("
        + THREADS
        + ").pollInterval(Duration.ofMillis("
        + POLL_INTERVAL.toMillis()
        + ")).build().runUntilIdle()` timed until it returns: claim, (render, if QuoteMailer"
        + " renders at send time), build, send over one connection per thread, record, mark"
        + " sent. On "
        + database.product()
        + " ("
        + database.durability()
        + "); sent entries are purged before each batch.";
  }

  @Override
  public Batch prepare(int count, String keyPrefix) {
    mailer.outbox().purge(Instant.now().plusSeconds(1));
    for (int i = 0; i < count; i++) {
      if (!mailer.enqueue(message.email(keyPrefix + i)).created()) {
        throw new IllegalStateException("key " + keyPrefix + i + " was already enqueued");
      }
    }
    DeliveryWorker worker = mailer.worker().threads(THREADS).pollInterval(POLL_INTERVAL).build();
    return worker::runUntilIdle;
  }

  @Override
  public void close() {
    mailer.close();
  }
}
