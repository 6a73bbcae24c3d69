package io.github.quotemailer.outbox;

import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.identity.ResolutionReason;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the durable queue of rendered emails. Workers claim due entries with a lease committed
 * before sending, so several application instances can share one store without sending anything
 * twice, and an entry whose worker died is taken over when its lease expires. {@code
 * persistence-jdbc} implements it on the host's database; {@link InMemoryOutbox} serves tests.
 */
public interface Outbox {
  /** The longest worker (lease owner) id an outbox accepts. */
  int MAX_OWNER_LENGTH = 100;

  /** Stores {@code message} unless its idempotency key exists; returns the entry either way. */
  EnqueueResult enqueue(OutboxMessage message);

  /**
   * Stores {@code message} inside the host's open transaction on {@code transaction}, so a rolled
   * back deal transition sends nothing. Only database-backed outboxes support this.
   */
  default EnqueueResult enqueue(OutboxMessage message, Connection transaction) {
    throw new QuoteMailerException(
        getClass().getSimpleName() + " cannot join a JDBC transaction; use the JDBC outbox");
  }

  /**
   * Leases up to {@code limit} due entries to {@code owner} until {@code now + lease}, counting one
   * attempt each; includes entries whose previous lease expired. A {@code limit} of zero or less
   * leases nothing.
   *
   * @throws io.github.quotemailer.InvalidInputException when {@code owner} is blank or longer than
   *     {@value #MAX_OWNER_LENGTH} characters, {@code now} is null, or {@code lease} is not
   *     positive
   */
  List<OutboxEntry> claim(String owner, Instant now, Duration lease, int limit);

  /**
   * Records that the DATA command of entry {@code id} is about to be sent: from here on a crash may
   * leave a delivered message unrecorded.
   */
  void markSendStarted(String id, String owner);

  /** Records delivery and ends the lease. */
  void markSent(String id, String owner, Instant at);

  /** Ends the lease and makes the entry due again at {@code next}. */
  void scheduleRetry(
      String id,
      String owner,
      Instant next,
      String error,
      Optional<ResolutionReason> fallbackReason);

  /** Gives the entry up. */
  void deadLetter(String id, String owner, String error);

  /** Parks an entry whose outcome is unknown (see {@link OutboxState#OUTCOME_UNKNOWN}). */
  void markOutcomeUnknown(String id, String owner, String note);

  /** Ends the lease without counting the attempt, for a graceful shutdown. */
  void release(String id, String owner);

  /** Counts by state and the oldest due entry. */
  OutboxStatus status(Instant now);

  /** Makes every dead entry due again now; returns how many. */
  int retryDead(Instant now);

  /** Deletes sent and dead entries enqueued before {@code cutoff}; returns how many. */
  int purge(Instant cutoff);

  /** The entry with {@code id}, if any. */
  Optional<OutboxEntry> find(String id);
}
