package io.github.quotemailer.outbox;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.outbox.spi.OutboxStore;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A thread-safe {@link OutboxStore} in memory, for tests and single-process hosts that accept
 * losing queued mail on restart. Same lease semantics as the JDBC outbox.
 */
public final class InMemoryOutbox implements OutboxStore {
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final Map<String, String> idsByKey = new HashMap<>();

  @Override
  public synchronized EnqueueResult enqueue(OutboxMessage message) {
    Arguments.present("message", message);
    String existing = idsByKey.get(message.idempotencyKey());
    if (existing != null) {
      return new EnqueueResult(existing, rows.get(existing).message.messageId(), false);
    }
    String id = UUID.randomUUID().toString();
    rows.put(id, new Row(id, message));
    idsByKey.put(message.idempotencyKey(), id);
    return new EnqueueResult(id, message.messageId(), true);
  }

  /**
   * Always throws: an outbox in memory cannot commit or roll back with the host's database.
   *
   * @throws ConfigurationException always; wire the JDBC outbox ({@code JdbcStores}) to enqueue
   *     inside a transaction
   */
  @Override
  public EnqueueResult enqueue(OutboxMessage message, Connection transaction) {
    throw new ConfigurationException(
        "outbox",
        "the in-memory outbox cannot join a JDBC transaction; wire JdbcStores to enqueue inside"
            + " one");
  }

  @Override
  public synchronized List<OutboxEntry> claim(
      String owner, Instant now, Duration lease, int limit) {
    OutboxStore.checkOwner(owner);
    Arguments.present("now", now);
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new InvalidInputException("lease", "must be positive");
    }
    if (limit <= 0) {
      return List.of();
    }
    List<OutboxEntry> claimed = new ArrayList<>();
    List<Row> due =
        rows.values().stream()
            .filter(r -> r.state == OutboxState.PENDING && !r.nextAttemptAt.isAfter(now))
            .filter(r -> r.leaseOwner == null || !r.leaseUntil.isAfter(now))
            .sorted(Comparator.comparing((Row r) -> r.nextAttemptAt))
            .limit(limit)
            .toList();
    for (Row row : due) {
      row.leaseOwner = owner;
      row.leaseUntil = now.plus(lease);
      row.attempts++;
      row.deferredUntil = null;
      claimed.add(row.entry());
    }
    return claimed;
  }

  @Override
  public synchronized void markSendStarted(String id, String owner) {
    held(id, owner).ifPresent(r -> r.sendStarted = true);
  }

  @Override
  public synchronized void markSent(String id, String owner, Instant at) {
    Arguments.present("at", at);
    held(id, owner).ifPresent(r -> r.finish(OutboxState.SENT, null));
  }

  @Override
  public synchronized void scheduleRetry(
      String id,
      String owner,
      Instant next,
      String error,
      Optional<ResolutionReason> fallbackReason) {
    Arguments.present("next", next);
    Arguments.present("fallbackReason", fallbackReason);
    held(id, owner)
        .ifPresent(
            r -> {
              r.finish(OutboxState.PENDING, error);
              r.nextAttemptAt = next;
              fallbackReason.ifPresent(reason -> r.fallbackReason = reason);
            });
  }

  @Override
  public synchronized void defer(String id, String owner, Instant until, String note) {
    Arguments.present("until", until);
    held(id, owner)
        .ifPresent(
            r -> {
              r.attempts = Math.max(0, r.attempts - 1);
              r.finish(OutboxState.PENDING, note);
              r.nextAttemptAt = until;
              r.deferredUntil = until;
            });
  }

  @Override
  public synchronized void deadLetter(String id, String owner, String error) {
    held(id, owner).ifPresent(r -> r.finish(OutboxState.DEAD, error));
  }

  @Override
  public synchronized void markOutcomeUnknown(String id, String owner, String note) {
    held(id, owner).ifPresent(r -> r.finish(OutboxState.OUTCOME_UNKNOWN, note));
  }

  @Override
  public synchronized void release(String id, String owner) {
    held(id, owner)
        .ifPresent(
            r -> {
              r.attempts = Math.max(0, r.attempts - 1);
              r.finish(OutboxState.PENDING, r.lastError);
            });
  }

  @Override
  public synchronized OutboxStatus status(Instant now) {
    Arguments.present("now", now);
    Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
    Tally pending = new Tally(now);
    for (Row r : rows.values()) {
      counts.merge(r.state, 1L, Long::sum);
      if (r.state == OutboxState.PENDING) {
        pending.add(r);
      }
    }
    return new OutboxStatus(
        counts,
        pending.due,
        pending.leased,
        Optional.ofNullable(pending.oldestDue),
        Optional.ofNullable(pending.nextDue),
        pending.deferred,
        Optional.ofNullable(pending.nextDeferred));
  }

  /** The pending entries' part of {@link #status}, added up one entry at a time. */
  private static final class Tally {
    final Instant now;
    long due;
    long leased;
    long deferred;
    Instant oldestDue;
    Instant nextDue;
    Instant nextDeferred;

    Tally(Instant now) {
      this.now = now;
    }

    void add(Row r) {
      if (r.leaseOwner != null && r.leaseUntil.isAfter(now)) {
        leased++;
        return;
      }
      nextDue = earliest(nextDue, r.nextAttemptAt);
      if (!r.nextAttemptAt.isAfter(now)) {
        due++;
        oldestDue = earliest(oldestDue, r.message.enqueuedAt());
      }
      if (r.deferredUntil != null && r.deferredUntil.isAfter(now)) {
        deferred++;
        nextDeferred = earliest(nextDeferred, r.deferredUntil);
      }
    }

    private static Instant earliest(Instant known, Instant candidate) {
      return known == null || candidate.isBefore(known) ? candidate : known;
    }
  }

  @Override
  public synchronized int retryDead(Instant now) {
    Arguments.present("now", now);
    int revived = 0;
    for (Row r : rows.values()) {
      if (r.state == OutboxState.DEAD) {
        r.state = OutboxState.PENDING;
        r.nextAttemptAt = now;
        r.attempts = 0;
        revived++;
      }
    }
    return revived;
  }

  @Override
  public synchronized int purge(Instant cutoff) {
    Arguments.present("cutoff", cutoff);
    List<String> old =
        rows.values().stream()
            .filter(r -> r.state == OutboxState.SENT || r.state == OutboxState.DEAD)
            .filter(r -> r.message.enqueuedAt().isBefore(cutoff))
            .map(r -> r.id)
            .toList();
    for (String id : old) {
      idsByKey.remove(rows.remove(id).message.idempotencyKey());
    }
    return old.size();
  }

  @Override
  public synchronized Optional<OutboxEntry> find(String id) {
    Arguments.present("id", id);
    return Optional.ofNullable(rows.get(id)).map(Row::entry);
  }

  private Optional<Row> held(String id, String owner) {
    Arguments.present("id", id);
    OutboxStore.checkOwner(owner);
    Row row = rows.get(id);
    // A worker whose lease was taken over must not overwrite the new owner's outcome.
    return row != null && owner.equals(row.leaseOwner) ? Optional.of(row) : Optional.empty();
  }

  private static final class Row {
    final String id;
    final OutboxMessage message;
    OutboxState state = OutboxState.PENDING;
    int attempts;
    Instant nextAttemptAt;
    String lastError;
    ResolutionReason fallbackReason;
    boolean sendStarted;
    String leaseOwner;
    Instant leaseUntil;
    Instant deferredUntil;

    Row(String id, OutboxMessage message) {
      this.id = id;
      this.message = message;
      this.nextAttemptAt = message.enqueuedAt();
    }

    void finish(OutboxState newState, String error) {
      state = newState;
      lastError = error;
      leaseOwner = null;
      leaseUntil = null;
      sendStarted = false;
    }

    OutboxEntry entry() {
      return new OutboxEntry(
          id,
          message,
          state,
          attempts,
          nextAttemptAt,
          Optional.ofNullable(lastError),
          Optional.ofNullable(fallbackReason),
          sendStarted);
    }
  }
}
