/**
 * QuoteMailer's storage ports on a relational database, through JDBI: start with {@link
 * io.github.quotemailer.jdbc.JdbcStores#create(javax.sql.DataSource)}, call {@link
 * io.github.quotemailer.jdbc.JdbcStores#migrate()} once at start-up, then hand the stores to the
 * mailer in one call, {@code QuoteMailer.builder().stores(stores)}: settings ({@link
 * io.github.quotemailer.jdbc.JdbcStores#userSettings()}), delivery log ({@link
 * io.github.quotemailer.jdbc.JdbcStores#deliveryLog()}) and outbox ({@link
 * io.github.quotemailer.jdbc.JdbcStores#outbox()}).
 *
 * <p>Supported databases: H2 2.x, SQLite 3.24+, PostgreSQL 10+, MariaDB 10.6+ and MySQL 8.0+ (see
 * {@link io.github.quotemailer.jdbc.Dialect}). Every table is the library's own, prefixed {@code
 * qm_} and keyed by the host's user id; the library never alters a host table (the one exception is
 * {@link io.github.quotemailer.jdbc.JdbcStores#importLegacy}, and only when asked to clear a
 * plain-text password column).
 *
 * <p><b>Tables.</b> {@code qm_user_smtp_settings} (per-user SMTP settings, password encrypted),
 * {@code qm_delivery_attempt} (the delivery log) and, from schema version 2, {@code qm_outbox}: the
 * durable queue of emails (from schema version 7 the quote as JSON, rendered when sent; or the
 * rendered PDF) drained by {@code DeliveryWorker}s, one row per idempotency key. Workers claim due
 * rows with a lease that is committed before the send, so a row lock is never held during an SMTP
 * conversation and a dead worker's rows are taken over when the lease expires. On PostgreSQL,
 * MariaDB 10.6+ and MySQL 8 the claim uses {@code SELECT ... FOR UPDATE SKIP LOCKED}, so workers of
 * several application instances pass each other by without waiting; H2 and SQLite use a conditional
 * {@code UPDATE} of the lease columns, which one worker wins. A host can enqueue inside its own
 * transaction, on its JDBC connection or JDBI handle ({@link
 * io.github.quotemailer.jdbc.JdbcStores#enqueueIn}).
 *
 * <p><b>Schema, as plain SQL.</b> The migrations are ordinary SQL files on the class path, one
 * folder per database: {@code io/github/quotemailer/jdbc/migration/<dialect>/V1__qm_initial.sql},
 * {@code V2__qm_outbox.sql} and {@code V3__qm_user_smtp_timeouts.sql} (per-user SMTP timeouts),
 * with {@code <dialect>} one of {@code h2}, {@code sqlite}, {@code postgresql} and {@code mariadb}
 * (MySQL 8 uses the {@code mariadb} files: their SQL means the same on both). {@code migrate()}
 * runs them with Flyway and its own history table {@code qm_schema_history}; a host that manages
 * its schema with its own tool (Flyway, Liquibase, a script) may copy the same files into it and
 * never call {@code migrate()}.
 */
@NullMarked
package io.github.quotemailer.jdbc;

import org.jspecify.annotations.NullMarked;
