package io.github.quotemailer.outbox;

import io.github.quotemailer.QuoteMailerException;
import java.time.Duration;

/**
 * Drains the outbox: claims due entries with a lease, sends each on one of its threads through the
 * same pipeline as {@code QuoteMailer.send} (the README's "Who sends: the fallback table"), and
 * records the outcome. Several workers (threads, processes, machines) may share one outbox. Obtain
 * one from {@code QuoteMailer.worker()}.
 */
public interface DeliveryWorker extends AutoCloseable {
  /** Two threads: enough to keep one SMTP conversation going while another waits on a reply. */
  int DEFAULT_THREADS = 2;

  /** Five minutes: far longer than one attempt (timeouts are at most 30 s per step). */
  Duration DEFAULT_LEASE = Duration.ofMinutes(5);

  /**
   * Five minutes: {@link #runUntilIdle()} still waits for retries due within this horizon, so a
   * short outage does not end the run with mail still queued.
   */
  Duration DEFAULT_IDLE_HORIZON = Duration.ofMinutes(5);

  /** One second between polls of an empty outbox: quick pickup, negligible load. */
  Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  /** This worker's lease owner id. */
  String owner();

  /**
   * Starts claiming in the background until {@link #shutdown} or {@link #close}. A worker runs
   * once: after {@code shutdown} or {@link #runUntilIdle()} build a new one with {@code
   * QuoteMailer.worker()}.
   *
   * @throws QuoteMailerException when this worker has already been stopped
   */
  DeliveryWorker start();

  /**
   * Works in the calling thread until nothing is due, in flight, or leased by another worker (so a
   * crashed worker's entries are waited for and taken over when their lease expires); then stops
   * for good, like {@link #shutdown}. Returns the number of polls made.
   *
   * @throws QuoteMailerException when this worker has already been stopped, or runs in the
   *     background
   */
  int runUntilIdle() throws InterruptedException;

  /**
   * Stops claiming, waits up to {@code timeout} for sends in flight, and releases entries that were
   * claimed but not yet started. Returns only once no claim of this worker is running: a claim that
   * was under way (a slow database statement cannot be interrupted) is waited for, and what it
   * leased is released, not sent. A send still running after the timeout keeps its lease: releasing
   * it while DATA may be under way could let another worker send it again.
   */
  void shutdown(Duration timeout);

  /** {@link #shutdown(Duration) shutdown} with a 30-second timeout. */
  @Override
  void close();

  /** Wakes the poller, e.g. right after an enqueue, instead of waiting for the next poll. */
  void signal();

  /**
   * Configures a {@link DeliveryWorker}; every default is a constant of {@link DeliveryWorker}.
   * Settings out of range throw {@link io.github.quotemailer.ConfigurationException}.
   */
  interface Builder {
    /** Sending threads of this worker, 1 to 64 (default {@value #DEFAULT_THREADS}). */
    Builder threads(int threads);

    /** How long a claim holds an entry before another worker may take it over. */
    Builder lease(Duration lease);

    /** How often an empty outbox is polled. */
    Builder pollInterval(Duration pollInterval);

    /** How far ahead {@link DeliveryWorker#runUntilIdle()} waits for scheduled retries. */
    Builder idleHorizon(Duration idleHorizon);

    /** Retry and dead-letter settings (default {@link RetrySettings#defaults()}). */
    Builder retry(RetrySettings retry);

    /**
     * What happens to an entry whose DATA command was under way when its sender crashed or lost the
     * connection (default {@link UnknownOutcome#RESEND_AS_POSSIBLE_DUPLICATE}).
     */
    Builder unknownOutcome(UnknownOutcome policy);

    /** The lease owner id (default: a random one). */
    Builder owner(String owner);

    /** Builds the worker (not started). */
    DeliveryWorker build();
  }
}
