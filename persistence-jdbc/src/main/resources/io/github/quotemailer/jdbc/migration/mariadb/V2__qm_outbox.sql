-- QuoteMailer schema version 2 for MariaDB 10.6 or newer and MySQL 8.0 or newer: the outbox.
--
-- One row per email waiting for (or done with) asynchronous delivery, written by
-- JdbcStores.outbox(): the rendered message, PDF included, so the worker needs nothing else.
-- The sender is not stored: it is resolved when the row is sent.
-- idempotency_key is unique: enqueueing the same key again returns the existing row
-- (INSERT ... ON DUPLICATE KEY UPDATE id = id, so a host transaction survives a duplicate).
-- Workers claim due rows with SELECT ... FOR UPDATE SKIP LOCKED (MariaDB 10.6+, MySQL 8.0.1+),
-- then set lease_owner/lease_until and count the attempt, committed before the send; a row whose
-- lease expired is taken over by another worker.
-- send_started is set just before the SMTP transaction; found set after a lease expired, the
-- message may already have been delivered.
-- Bodies are mediumtext (a text body may be 100,000 characters, more than text's 64 KB in
-- utf8mb4); the PDF is longblob (messages up to 20 MB). The server's max_allowed_packet (16 MB by
-- default) must exceed the largest PDF enqueued.
-- Times are UTC wall-clock times in datetime(6).
create table qm_outbox (
  id                varchar(36)   not null,
  idempotency_key   varchar(200)  not null,
  message_id        varchar(250)  not null,
  user_id           varchar(128)  not null,
  salesperson_name  varchar(200)  not null,
  salesperson_email varchar(254)  not null,
  salesperson_phone varchar(64)   null,
  quote_number      varchar(64)   not null,
  to_recipients     text          not null,
  cc_recipients     text          not null,
  subject           varchar(1000) not null,
  body_text         mediumtext    not null,
  body_html         mediumtext    not null,
  pdf               longblob      not null,
  pdf_file_name     varchar(100)  not null,
  enqueued_at       datetime(6)   not null,
  state             varchar(20)   not null,
  attempts          int           not null,
  next_attempt_at   datetime(6)   not null,
  last_error        varchar(500)  null,
  fallback_reason   varchar(40)   null,
  send_started      boolean       not null,
  lease_owner       varchar(100)  null,
  lease_until       datetime(6)   null,
  sent_at           datetime(6)   null,
  updated_at        datetime(6)   not null,
  primary key (id),
  unique key qm_outbox_key_uq (idempotency_key),
  -- Serves the claim ("due pending rows, oldest next_attempt_at first") and the status counts.
  index qm_outbox_due_idx (state, next_attempt_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
