package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * How a database leases due outbox rows to a worker. Each {@link
 * io.github.quotemailer.jdbc.internal.dialect.SqlDialect} picks one: {@link SkipLockedClaim} where
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} exists, {@link ConditionalClaim} elsewhere. Either way
 * the lease is committed before the rows are returned, so no row lock is held while a worker talks
 * SMTP.
 */
public interface OutboxClaim {
  /**
   * Leases up to {@code limit} rows due at {@code now} to {@code owner} until {@code until},
   * counting an attempt on each, and returns them soonest due first.
   */
  List<OutboxRow> claim(Jdbi jdbi, String owner, Instant now, Instant until, int limit);
}
