/**
 * One class per database ({@link io.github.quotemailer.jdbc.internal.dialect.H2Dialect}, {@link
 * io.github.quotemailer.jdbc.internal.dialect.SqliteDialect}, {@link
 * io.github.quotemailer.jdbc.internal.dialect.PostgresDialect}, {@link
 * io.github.quotemailer.jdbc.internal.dialect.MariaDbDialect}), each holding all that differs on
 * that database: its upserts and inserts, its outbox claim, how it stores instants and where its
 * migrations are. {@link io.github.quotemailer.jdbc.internal.dialect.Dialects} picks one from the
 * JDBC metadata. Not for hosts: it may change in any release.
 */
@NullMarked
package io.github.quotemailer.jdbc.internal.dialect;

import org.jspecify.annotations.NullMarked;
