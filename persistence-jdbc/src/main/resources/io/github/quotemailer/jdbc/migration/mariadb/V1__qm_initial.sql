-- QuoteMailer schema version 1 for MariaDB 10.6 or newer and MySQL 8.0 or newer (one file for
-- both: every statement here means the same on each).
--
-- Plain SQL: JdbcStores.migrate() runs this file with Flyway (history table qm_schema_history),
-- and a host may apply the same file with its own migration tool instead.
-- Every table here is QuoteMailer's own (prefix qm_); no host table is created, read or altered.
-- Timestamps are UTC wall-clock times in datetime(6) (not "timestamp", which converts with the
-- session time zone and ends in 2038). utf8mb4_bin: user ids compare case-sensitively, as on the
-- other databases.
-- The outbox table comes in a later migration (V2).

-- One row per host user who has an own SMTP account. The password is only ever stored encrypted,
-- as EncryptedSecret.encoded() ("qm1:<keyId>:<base64>"); password_key_id repeats the key id so
-- key rotation can find the rows that still use an old key.
-- Only host, port and security of the user's server are stored; timeouts and trust store use
-- the library's defaults. No smtp_* columns set: the company account's server.
create table qm_user_smtp_settings (
  user_id           varchar(128) not null,
  address           varchar(254) not null,
  display_name      varchar(200) not null,
  username          varchar(254) not null,
  smtp_host         varchar(253) null,
  smtp_port         int          null,
  smtp_security     varchar(20)  null,
  password_key_id   varchar(32)  not null,
  password_secret   text         not null,
  enabled           boolean      not null,
  health_status     varchar(16)  not null,
  health_checked_at datetime(6)  null,
  health_reply      varchar(500) null,
  updated_at        datetime(6)  not null,
  primary key (user_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- One row per delivery attempt; only ever appended. Queries read newest first, ties by id.
create table qm_delivery_attempt (
  id           bigint       not null auto_increment,
  attempted_at datetime(6)  not null,
  user_id      varchar(128) not null,
  quote_number varchar(64)  not null,
  message_id   varchar(250) not null,
  identity     varchar(254) not null,
  reason       varchar(32)  not null,
  recipients   text         not null,
  outcome      varchar(20)  not null,
  reply_class  varchar(24)  not null,
  reply_code   int          not null,
  reply_text   varchar(500) not null,
  duration_ms  bigint       not null,
  primary key (id),
  index qm_delivery_attempt_user_idx (user_id, attempted_at desc, id desc),
  index qm_delivery_attempt_quote_idx (quote_number, attempted_at desc, id desc),
  index qm_delivery_attempt_time_idx (attempted_at desc, id desc)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
