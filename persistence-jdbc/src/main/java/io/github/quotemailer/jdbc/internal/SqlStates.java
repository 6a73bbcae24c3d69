package io.github.quotemailer.jdbc.internal;

import java.sql.SQLException;

/**
 * Reads the SQL state class of a failure, through its causes: the standard class is what every
 * supported driver agrees on, where vendor codes and messages differ.
 */
public final class SqlStates {
  /** Causes followed at most: a cause chain is short, a cyclic one must not loop forever. */
  private static final int MAX_DEPTH = 32;

  private SqlStates() {}

  /** A unique or primary key violation: class 23, "integrity constraint violation". */
  public static boolean isUniqueViolation(Throwable failure) {
    return hasStateClass(failure, "23");
  }

  /** A deadlock or serialization failure (class 40), which a new try may not meet. */
  public static boolean isTransactionConflict(Throwable failure) {
    return hasStateClass(failure, "40");
  }

  /** H2's "timeout trying to lock" (state HYT00): the lock holder took longer than H2 waits. */
  public static boolean isLockTimeout(Throwable failure) {
    return hasStateClass(failure, "HYT00");
  }

  /** Class 08: the database cannot be reached, which a quick retry does not change. */
  public static boolean isConnectionFailure(Throwable failure) {
    return hasStateClass(failure, "08");
  }

  private static boolean hasStateClass(Throwable failure, String stateClass) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith(stateClass)) {
        return true;
      }
    }
    return false;
  }
}
