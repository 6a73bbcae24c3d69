package io.github.quotemailer.outbox;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * The durable queue of emails (each with its quote, or its rendered PDF), as a host sees it:
 * enqueue (on its own or inside the host's transaction), look entries up, watch the counts, give
 * dead entries another chance and purge old ones. {@code QuoteMailer.outbox()} returns this view;
 * the worker's lease protocol is {@link io.github.quotemailer.outbox.spi.OutboxStore}, which stores
 * implement and hosts never call. See the README's "Durable, asynchronous delivery".
 */
public interface Outbox {
  /** Stores {@code message} unless its idempotency key exists; returns the entry either way. */
  EnqueueResult enqueue(OutboxMessage message);

  /**
   * Stores {@code message} inside the host's open transaction on {@code transaction}, so a rolled
   * back deal transition sends nothing.
   *
   * @throws io.github.quotemailer.ConfigurationException when this outbox is not in a database (the
   *     in-memory outbox cannot join a JDBC transaction)
   */
  EnqueueResult enqueue(OutboxMessage message, Connection transaction);

  /** Counts by state and the oldest due entry. */
  OutboxStatus status(Instant now);

  /** Makes every dead entry due again now; returns how many. */
  int retryDead(Instant now);

  /** Deletes sent and dead entries enqueued before {@code cutoff}; returns how many. */
  int purge(Instant cutoff);

  /** The entry with {@code id}, if any. */
  Optional<OutboxEntry> find(String id);
}
