package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.jdbc.MigrationResult;
import io.github.quotemailer.jdbc.internal.dialect.SqlDialect;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the library's migrations with Flyway, in their own history table. Flyway locks the history
 * table while it migrates (advisory locks on PostgreSQL, {@code GET_LOCK} on MariaDB/MySQL, row
 * locks on H2, the file lock on SQLite); {@link #migrate} adds retries for the start-up race Flyway
 * leaves open, and for H2 a lock of its own, so two instances starting together both succeed and
 * apply each migration once.
 */
public final class Migrator {
  /** The library's own Flyway history table, so a host's own Flyway history is never touched. */
  public static final String HISTORY_TABLE = "qm_schema_history";

  /**
   * Version recorded when the schema already holds the host's tables: 0, so that V1 still runs.
   * Flyway otherwise refuses a non-empty schema without a history table.
   */
  static final String BASELINE_VERSION = "0";

  /**
   * Attempts before a failure is reported: enough for a concurrent first start on any supported
   * database to settle, few enough that a real failure is reported within about 6 seconds. A
   * failure to connect is reported at once.
   */
  static final int MAX_ATTEMPTS = 5;

  /** First pause between attempts; it doubles with each attempt (250, 500, 1000, 2000 ms). */
  static final Duration RETRY_PAUSE = Duration.ofMillis(250);

  /**
   * Serialises, within this JVM, the migrations of dialects that ask for it ({@link
   * SqlDialect#migratesOneAtATimeInThisJvm()}, H2: see {@link
   * io.github.quotemailer.jdbc.internal.dialect.H2Dialect}). An embedded H2 database is open in one
   * JVM at a time; with H2 in server mode, start instances one after another. A lock object, not
   * state: nothing in it ever changes.
   */
  private static final Object ONE_AT_A_TIME = new Object();

  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  private Migrator() {}

  /**
   * Applies pending migrations to {@code dataSource}. Flyway's lock serialises the migrations
   * themselves, but not its first steps (creating or baselining the history table): an instance
   * that loses that race fails without writing anything, and is retried here until it sees the
   * schema the winner migrated.
   */
  public static MigrationResult migrate(DataSource dataSource, SqlDialect dialect) {
    String operation = "migrating the QuoteMailer schema (" + dialect.product() + ")";
    // An attempt can apply some migrations, then lose a lock to another instance: those count.
    int appliedByEarlierAttempts = 0;
    for (int attempt = 1; ; attempt++) {
      try {
        MigrationResult result;
        if (dialect.migratesOneAtATimeInThisJvm()) {
          synchronized (ONE_AT_A_TIME) {
            result = runFlyway(dataSource, dialect);
          }
        } else {
          result = runFlyway(dataSource, dialect);
        }
        return new MigrationResult(
            result.applied() + appliedByEarlierAttempts, result.schemaVersion());
      } catch (FlywayException e) {
        appliedByEarlierAttempts += appliedBeforeFailing(e);
        if (attempt >= MAX_ATTEMPTS || SqlStates.isConnectionFailure(e)) {
          throw Failures.failed(operation, e);
        }
        long pause = RETRY_PAUSE.toMillis() << (attempt - 1);
        LOG.info(
            "qm migrate dialect={} attempt={} failed, likely another instance migrating at the"
                + " same time; retrying in about {} ms: {}",
            dialect.product(),
            attempt,
            pause,
            Failures.reason(e));
        try {
          // Jitter, so two instances that failed together do not retry together.
          Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw Failures.failed(operation, e);
        }
      }
    }
  }

  private static MigrationResult runFlyway(DataSource dataSource, SqlDialect dialect) {
    Flyway flyway =
        Flyway.configure(Migrator.class.getClassLoader())
            .dataSource(dataSource)
            .loggers("slf4j")
            .table(HISTORY_TABLE)
            .locations("classpath:" + dialect.migrationLocation())
            .baselineOnMigrate(true)
            .baselineVersion(BASELINE_VERSION)
            .cleanDisabled(true)
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    String version =
        current == null || current.getVersion() == null
            ? BASELINE_VERSION
            : current.getVersion().getVersion();
    LOG.info(
        "qm migrate dialect={} applied={} schemaVersion={}",
        dialect.product(),
        result.migrationsExecuted,
        version);
    return new MigrationResult(result.migrationsExecuted, version);
  }

  /** Migrations that an attempt applied (and committed) before it failed on a later one. */
  private static int appliedBeforeFailing(FlywayException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FlywayMigrateException migrate
          && migrate.getErrorResult() != null
          && migrate.getErrorResult().getSuccessfulMigrations() != null) {
        return migrate.getErrorResult().getSuccessfulMigrations().size();
      }
    }
    return 0;
  }
}
