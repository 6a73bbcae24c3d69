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
