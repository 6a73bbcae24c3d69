-- QuoteMailer schema version 4 for MariaDB 10.6 or newer and MySQL 8.0 or newer.
--
-- The OAuth2 grant of a user's own account, and the account's own sending limit.
--
-- credential_kind says how the account logs in: PASSWORD (password_secret holds the encrypted
-- password, as before) or OAUTH2 (password_secret holds the encrypted refresh token, replaced in
-- place, compare-and-set, each time the provider rotates it). Rows written before this migration
-- are PASSWORD rows. The oauth_* columns are NULL in PASSWORD rows: the provider (MICROSOFT, GOOGLE
-- or CUSTOM), the token endpoint, the client id and the scope are not secret; the client secret,
-- for a confidential client, is stored encrypted like the password, with its own key id column so
-- key rotation finds it.
-- send_limit_count/send_limit_window_s: the account's own sending limit (COUNT messages per
-- WINDOW seconds, rolling); NULL: the mailer's default for the server's host.
-- MariaDB and MySQL cannot roll back schema changes: if this migration fails part-way, drop what it
-- created (the columns below and qm_oauth_refresh_token), remove version 4 from
-- qm_schema_history if Flyway recorded it as failed, and migrate again.
alter table qm_user_smtp_settings
  add column credential_kind            varchar(16)  not null default 'PASSWORD',
  add column oauth_provider             varchar(16)  null,
  add column oauth_token_endpoint       varchar(500) null,
  add column oauth_client_id            varchar(500) null,
  add column oauth_scope                varchar(500) null,
  add column oauth_client_secret_key_id varchar(32)  null,
  add column oauth_client_secret        text         null,
  add column send_limit_count           int          null,
  add column send_limit_window_s        bigint       null;

-- One row per OAuth2 account that has no user settings (the company account): its newest refresh
-- token, encrypted with the account as associated data, so a restart continues from it instead of
-- the configured token (Microsoft lets an unused refresh token expire after 90 days). account is a
-- SHA-256 (hex) of token endpoint, client id and login; origin a SHA-256 of the configured refresh
-- token the chain descends from, so a new grant in the configuration starts afresh. A row is only
-- ever replaced over the token it replaces (compare-and-set), never with an older one.
create table qm_oauth_refresh_token (
  account    varchar(64) not null,
  origin     varchar(64) not null,
  key_id     varchar(32) not null,
  secret     text not null,
  updated_at datetime(6) not null,
  primary key (account)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
