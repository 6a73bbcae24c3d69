-- QuoteMailer schema version 3 for SQLite 3.24 or newer: the timeouts of a user's own SMTP server.
--
-- Connect, read and write timeouts of the user's server, in whole milliseconds. NULL in rows
-- written before this migration (and in rows without a server of their own): those read back with
-- SmtpServer's default timeouts, as they did before.
-- SQLite adds one column per ALTER TABLE.
-- The server's trust store is still not stored, on purpose: its password would sit in this table.
-- A private CA goes into the JVM's default trust store (-Djavax.net.ssl.trustStore=...) instead.
alter table qm_user_smtp_settings add column smtp_connect_timeout_ms integer;
alter table qm_user_smtp_settings add column smtp_read_timeout_ms integer;
alter table qm_user_smtp_settings add column smtp_write_timeout_ms integer;
