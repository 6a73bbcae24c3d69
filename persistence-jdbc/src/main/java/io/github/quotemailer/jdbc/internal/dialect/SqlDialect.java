package io.github.quotemailer.jdbc.internal.dialect;

import io.github.quotemailer.jdbc.Dialect;
import io.github.quotemailer.jdbc.internal.OutboxClaim;
import io.github.quotemailer.jdbc.internal.OutboxDao;
import io.github.quotemailer.jdbc.internal.SettingsDao;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * What differs on one database, in one place: a change for one database goes into its class, and a
 * new database is a new class (plus its migrations folder and a line in {@link Dialects}). The
 * statements that read the same everywhere stay in {@link OutboxDao}, {@link SettingsDao} and
 * {@link io.github.quotemailer.jdbc.internal.DeliveryLogDao}; each dialect's statement interfaces
 * extend them with its own SQL.
 */
public interface SqlDialect {
  /** The database as {@link io.github.quotemailer.jdbc.JdbcStores#dialect()} names it. */
  Dialect product();

  /** The class-path folder with this database's Flyway migrations. */
  String migrationLocation();

  /** How instants are bound to statements and read from rows. */
  InstantCodec instants();

  /** The settings statements, with this database's upsert. */
  Class<? extends SettingsDao> settingsStatements();

  /** The outbox statements, with this database's insert that leaves an existing key alone. */
  Class<? extends OutboxDao> outboxStatements();

  /** How workers lease due outbox rows on this database. */
  OutboxClaim outboxClaim();

  /**
   * The isolation of a transaction that takes a lock, then reads what the lock's previous holder
   * committed (the sending ledger's check): read committed, so each statement after the lock sees
   * the latest commits, unless a dialect says otherwise.
   */
  default TransactionIsolationLevel lockingIsolation() {
    return TransactionIsolationLevel.READ_COMMITTED;
  }

  /**
   * Whether migrations from this JVM must run one at a time: true where Flyway's own lock leaves a
   * first migration unserialised. False unless a dialect says otherwise.
   */
  default boolean migratesOneAtATimeInThisJvm() {
    return false;
  }
}
