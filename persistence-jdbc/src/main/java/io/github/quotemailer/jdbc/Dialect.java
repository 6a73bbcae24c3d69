package io.github.quotemailer.jdbc;

/**
 * The databases QuoteMailer's tables and statements are written for. {@link
 * JdbcStores#create(javax.sql.DataSource)} detects it from the JDBC metadata.
 */
public enum Dialect {
  /** H2 2.x, embedded or server; upserts use {@code MERGE ... KEY}. */
  H2,
  /** SQLite 3.24 or newer; timestamps are stored as UTC text, upserts use {@code ON CONFLICT}. */
  SQLITE,
  /** PostgreSQL 10 or newer; upserts use {@code ON CONFLICT}. */
  POSTGRESQL,
  /** MariaDB 10.6 or newer; upserts use {@code ON DUPLICATE KEY UPDATE}. */
  MARIADB,
  /**
   * MySQL 8.0 or newer. Shares MariaDB's migration files and statements, which mean the same on
   * both; not covered by this project's test suite (no MySQL server on its machines).
   */
  MYSQL
}
