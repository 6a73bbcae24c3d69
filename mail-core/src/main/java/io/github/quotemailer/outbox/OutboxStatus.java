package io.github.quotemailer.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Counts for operators.
 *
 * @param countsByState entries per state
 * @param due pending entries whose time has come
 * @param leased pending entries a worker holds right now
 * @param oldestDue the enqueue time of the oldest due entry
 * @param nextDue the earliest time a pending, unleased entry becomes due (now or later)
 * @param deferred pending entries waiting on a sending limit (or a pause after a provider's quota
 *     reply) whose time has not come yet
 * @param nextDeferred when the first of those goes
 */
public record OutboxStatus(
    Map<OutboxState, Long> countsByState,
    long due,
    long leased,
    Optional<Instant> oldestDue,
    Optional<Instant> nextDue,
    long deferred,
    Optional<Instant> nextDeferred) {

  /** Counts of a store that defers nothing: no entry waits on a sending limit. */
  public OutboxStatus(
      Map<OutboxState, Long> countsByState,
      long due,
      long leased,
      Optional<Instant> oldestDue,
      Optional<Instant> nextDue) {
    this(countsByState, due, leased, oldestDue, nextDue, 0, Optional.empty());
  }

  /** Entries in {@code state}. */
  public long count(OutboxState state) {
    return countsByState.getOrDefault(state, 0L);
  }
}
