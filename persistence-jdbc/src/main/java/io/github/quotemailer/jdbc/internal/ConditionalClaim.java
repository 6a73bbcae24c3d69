package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The portable claim, for databases without {@code SKIP LOCKED} (H2 before 2.2.220, SQLite): due
 * rows are read without locks, then each is leased by a conditional {@code UPDATE} that only one
 * worker can win, committed on its own.
 */
public final class ConditionalClaim implements OutboxClaim {
  /**
   * Candidates read per wanted row: a worker that loses a race for some rows to another worker
   * still fills its batch from the rest.
   */
  static final int CANDIDATES_PER_ROW = 4;

  private final Class<? extends OutboxDao> statements;

  /** A claim through the portable statements of {@code statements}. */
  public ConditionalClaim(Class<? extends OutboxDao> statements) {
    this.statements = statements;
  }

  @Override
  public List<OutboxRow> claim(Jdbi jdbi, String owner, Instant now, Instant until, int limit) {
    return jdbi.withExtension(
        statements,
        outbox -> {
          List<String> won = new ArrayList<>();
          for (String id : outbox.claimableIds(now, limit * CANDIDATES_PER_ROW)) {
            if (won.size() == limit) {
              break;
            }
            if (outbox.leaseIfClaimable(id, owner, until, now) == 1) {
              won.add(id);
            }
          }
          return won.isEmpty() ? List.of() : outbox.findAll(won);
        });
  }
}
