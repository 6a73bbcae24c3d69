package io.github.quotemailer.benchmarks;

/**
 * One side of {@link WireSpeedBenchmark}'s comparison: a way to get {@code count} copies of the
 * benchmark quote to the loopback SMTP server. {@link #prepare} does the untimed part (for the
 * outbox: enqueueing); the returned {@link Batch}'s {@link Batch#send()} is what is timed.
 */
interface Sender extends AutoCloseable {
  /** Short name for the tables, e.g. "Angus Mail, TCP_NODELAY". */
  String label();

  /** One or two sentences for the "what is measured" table. */
  String description();

  /**
   * Gets {@code count} messages ready to send; {@code keyPrefix} is new on every call, for senders
   * that need unique idempotency keys.
   */
  Batch prepare(int count, String keyPrefix) throws Exception;

  /** Releases connections, pools and threads. */
  @Override
  default void close() throws Exception {}

  /** The timed part: sends what {@link #prepare} got ready and returns once all were accepted. */
  interface Batch {
    /** Sends every message of the batch. */
    void send() throws Exception;
  }
}
