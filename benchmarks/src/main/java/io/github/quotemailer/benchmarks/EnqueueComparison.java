package io.github.quotemailer.benchmarks;

import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.outbox.QueuedRendering;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import java.util.List;

/**
 * How long {@code mailer.enqueue(email)} keeps the caller waiting with the real renderer and with a
 * renderer that returns a pre-rendered PDF, on one database. Two mailers wired alike on the same
 * stores; their calls take turns, each timed alone.
 *
 * @param database product and version
 * @param durability how commits reach the disk
 * @param rendering {@code enqueue} with {@link OpenPdfQuoteRenderer}
 * @param preRendered {@code enqueue} with the pre-rendered renderer lambda
 * @param renderedAtEnqueue {@code enqueue} with {@link OpenPdfQuoteRenderer} and {@link
 *     QueuedRendering#WHEN_ENQUEUED}: the PDF rendered on the caller's thread, as before quotes
 *     were stored as snapshots
 */
record EnqueueComparison(
    String database,
    String durability,
    Latencies rendering,
    Latencies preRendered,
    Latencies renderedAtEnqueue) {

  /**
   * Measures on {@code database} (migrated here): {@code calls} calls each after {@code warmUp}.
   */
  static EnqueueComparison measure(
      LoopbackSmtp smtp,
      BenchmarkDatabase database,
      BenchmarkMessage message,
      OpenPdfQuoteRenderer renderer,
      int warmUp,
      int calls) {
    database.stores().migrate();
    try (QuoteMailer rendering = smtp.mailer(database.stores(), renderer);
        QuoteMailer preRendered =
            smtp.mailer(database.stores(), QuoteMailerSendSender.preRenderedRenderer(message));
        QuoteMailer atEnqueue =
            smtp.mailer(database.stores(), renderer, QueuedRendering.WHEN_ENQUEUED)) {
      List<Latencies> latencies =
          EnqueueTiming.timeInTurns(
              warmUp,
              calls,
              List.of(
                  i -> {
                    var email = message.email("rendering-" + i);
                    return () -> rendering.enqueue(email);
                  },
                  i -> {
                    var email = message.email("pre-rendered-" + i);
                    return () -> preRendered.enqueue(email);
                  },
                  i -> {
                    var email = message.email("at-enqueue-" + i);
                    return () -> atEnqueue.enqueue(email);
                  }));
      return new EnqueueComparison(
          database.product(),
          database.durability(),
          latencies.get(0),
          latencies.get(1),
          latencies.get(2));
    }
  }

  /** p99 with rendering ÷ p99 pre-rendered. */
  double p99Ratio() {
    return rendering.percentileMillis(99) / preRendered.percentileMillis(99);
  }
}
