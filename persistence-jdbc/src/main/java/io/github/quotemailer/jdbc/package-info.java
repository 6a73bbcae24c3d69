/**
 * QuoteMailer's storage ports on a relational database, through JDBI: start with {@link
 * io.github.quotemailer.jdbc.JdbcStores#create(javax.sql.DataSource)}, call {@link
 * io.github.quotemailer.jdbc.JdbcStores#migrate()} once at start-up, then hand {@link
 * io.github.quotemailer.jdbc.JdbcStores#userSettings()} and {@link
 * io.github.quotemailer.jdbc.JdbcStores#deliveryLog()} to the mailer.
 *
 * <p>Supported databases: H2 2.x, SQLite 3.24+, PostgreSQL 10+, MariaDB 10.6+ and MySQL 8.0+ (see
 * {@link io.github.quotemailer.jdbc.Dialect}). Every table is the library's own, prefixed {@code
 * qm_} and keyed by the host's user id; the library never alters a host table (the one exception is
 * {@link io.github.quotemailer.jdbc.JdbcStores#importLegacy}, and only when asked to clear a
 * plain-text password column).
 *
 * <p><b>Schema, as plain SQL.</b> The migrations are ordinary SQL files on the class path, one
 * folder per database: {@code io/github/quotemailer/jdbc/migration/<dialect>/V1__qm_initial.sql}
 * with {@code <dialect>} one of {@code h2}, {@code sqlite}, {@code postgresql} and {@code mariadb}
 * (MySQL 8 uses the {@code mariadb} files: their SQL means the same on both). {@code migrate()}
 * runs them with Flyway and its own history table {@code qm_schema_history}; a host that manages
 * its schema with its own tool (Flyway, Liquibase, a script) may copy the same files into it and
 * never call {@code migrate()}.
 */
@NullMarked
package io.github.quotemailer.jdbc;

import org.jspecify.annotations.NullMarked;
