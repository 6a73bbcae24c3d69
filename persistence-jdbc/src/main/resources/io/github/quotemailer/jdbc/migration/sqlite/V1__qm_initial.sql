-- QuoteMailer schema version 1 for SQLite 3.24 or newer (upserts use ON CONFLICT).
--
-- Plain SQL: JdbcStores.migrate() runs this file with Flyway (history table qm_schema_history),
-- and a host may apply the same file with its own migration tool instead.
-- Every table here is QuoteMailer's own (prefix qm_); no host table is created, read or altered.
-- Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS.SSSSSS': fixed width, so text order is time order,
-- and SQLite's date functions read it. Booleans are 0/1.
-- The outbox table comes in a later migration (V2).

-- One row per host user who has an own SMTP account. The password is only ever stored encrypted,
-- as EncryptedSecret.encoded() ("qm1:<keyId>:<base64>"); password_key_id repeats the key id so
-- key rotation can find the rows that still use an old key.
-- Only host, port and security of the user's server are stored; timeouts and trust store use
-- the library's defaults. No smtp_* columns set: the company account's server.
create table qm_user_smtp_settings (
  user_id           varchar(128) not null primary key,
  address           varchar(254) not null,
  display_name      varchar(200) not null,
  username          varchar(254) not null,
  smtp_host         varchar(253),
  smtp_port         integer,
  smtp_security     varchar(20),
  password_key_id   varchar(32)  not null,
  password_secret   text         not null,
  enabled           boolean      not null,
  health_status     varchar(16)  not null,
  health_checked_at text,
  health_reply      varchar(500),
  updated_at        text         not null
);

-- One row per delivery attempt; only ever appended. Queries read newest first, ties by id.
-- AUTOINCREMENT: ids are never reused, so a higher id is always a later insert.
create table qm_delivery_attempt (
  id           integer primary key autoincrement,
  attempted_at text         not null,
  user_id      varchar(128) not null,
  quote_number varchar(64)  not null,
  message_id   varchar(250) not null,
  identity     varchar(254) not null,
  reason       varchar(32)  not null,
  recipients   text         not null,
  outcome      varchar(20)  not null,
  reply_class  varchar(24)  not null,
  reply_code   integer      not null,
  reply_text   varchar(500) not null,
  duration_ms  integer      not null
);

create index qm_delivery_attempt_user_idx on qm_delivery_attempt (user_id, attempted_at desc, id desc);
create index qm_delivery_attempt_quote_idx on qm_delivery_attempt (quote_number, attempted_at desc, id desc);
create index qm_delivery_attempt_time_idx on qm_delivery_attempt (attempted_at desc, id desc);
