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
 */
public record OutboxStatus(
    Map<OutboxState, Long> countsByState,
    long due,
    long leased,
    Optional<Instant> oldestDue,
    Optional<Instant> nextDue) {

  /** Entries in {@code state}. */
  public long count(OutboxState state) {
    return countsByState.getOrDefault(state, 0L);
  }
}
