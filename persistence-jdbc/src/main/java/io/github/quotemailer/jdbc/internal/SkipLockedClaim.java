package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim for databases with {@code SELECT ... FOR UPDATE SKIP LOCKED} (PostgreSQL 9.5+, MariaDB
 * 10.6+, MySQL 8.0.1+): the due rows are locked, leased and read in one short transaction, and
 * concurrent claims pass each other by instead of waiting. Each database writes its own locking
 * query, {@link Statements#lockDueIds}.
 */
public final class SkipLockedClaim implements OutboxClaim {
  /**
   * Tries of a claim whose transaction hit a deadlock or serialization failure, which the database
   * resolves by aborting one side: the claim simply runs again.
   */
  static final int TRIES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(SkipLockedClaim.class);

  private final Class<? extends Statements> statements;

  /** The outbox statements plus the one locking query each database spells its own way. */
  public interface Statements extends OutboxDao {
    /**
     * Ids of up to {@code limit} rows claimable at {@code now}, soonest due first, locked until the
     * transaction ends; rows another transaction has locked are skipped rather than waited for.
     */
    List<String> lockDueIds(Instant now, int limit);
  }

  /** A claim through {@code statements}, a dialect's outbox statements. */
  public SkipLockedClaim(Class<? extends Statements> statements) {
    this.statements = statements;
  }

  @Override
  public List<OutboxRow> claim(Jdbi jdbi, String owner, Instant now, Instant until, int limit) {
    for (int tries = 1; ; tries++) {
      try {
        return jdbi.inTransaction(
            TransactionIsolationLevel.READ_COMMITTED,
            handle -> lockLeaseAndRead(handle.attach(statements), owner, now, until, limit));
      } catch (JdbiException e) {
        if (tries >= TRIES || !SqlStates.isTransactionConflict(e)) {
          throw e;
        }
        LOG.info(
            "outbox claim by worker={} try={} aborted by the database, retrying", owner, tries);
      }
    }
  }

  private static List<OutboxRow> lockLeaseAndRead(
      Statements outbox, String owner, Instant now, Instant until, int limit) {
    List<String> ids = outbox.lockDueIds(now, limit);
    if (ids.isEmpty()) {
      return List.of();
    }
    outbox.lease(ids, owner, until, now);
    return outbox.findAll(ids);
  }
}
