package io.github.quotemailer.outbox;

/** Where an outbox entry is in its life. */
public enum OutboxState {
  /** Waiting for its next attempt (possibly leased by a worker right now). */
  PENDING,
  /** Accepted by a server. */
  SENT,
  /** Given up: a permanent failure, or retries exhausted. {@code outbox retry-dead} revives it. */
  DEAD,
  /**
   * A worker died after the server may have accepted the message, and the host chose to park such
   * entries for a person to decide instead of resending them.
   */
  OUTCOME_UNKNOWN
}
