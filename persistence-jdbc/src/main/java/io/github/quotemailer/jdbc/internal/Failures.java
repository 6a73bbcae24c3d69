package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.StorageException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.JdbiException;

/**
 * Turns JDBI, JDBC and Flyway failures into {@link StorageException}s whose message names the
 * operation and the database's reason. Statements bind every value, so no value (let alone a
 * password) appears in the statement text the reason may quote.
 */
public final class Failures {
  private static final int MAX_REASON_LENGTH = 300;

  private Failures() {}

  /** Runs {@code work}; a storage failure becomes "{@code operation} failed: reason". */
  public static <T> T translate(String operation, Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException | FlywayException e) {
      throw failed(operation, e);
    }
  }

  /** Like {@link #translate(String, Supplier)} for work without a result. */
  public static void run(String operation, Runnable work) {
    translate(
        operation,
        () -> {
          work.run();
          return null;
        });
  }

  /** The exception for {@code operation} failing with {@code cause}. */
  public static StorageException failed(String operation, Throwable cause) {
    return new StorageException(operation + " failed: " + reason(cause), cause);
  }

  /** The most specific message in the cause chain: the driver's own, where there is one. */
  static String reason(Throwable failure) {
    Throwable sqlFailure = null;
    Throwable root = failure;
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (sqlFailure == null && t instanceof SQLException) {
        sqlFailure = t;
      }
      root = t;
    }
    Throwable best = sqlFailure != null ? sqlFailure : root;
    String message = best.getMessage();
    if (message == null || message.isBlank()) {
      return best.getClass().getSimpleName();
    }
    // H2 appends the statement after this marker; the reason alone reads better.
    int statement = message.indexOf("; SQL statement:");
    if (statement > 0) {
      message = message.substring(0, statement);
    }
    message = message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return message.length() > MAX_REASON_LENGTH
        ? message.substring(0, MAX_REASON_LENGTH) + "..."
        : message;
  }
}
