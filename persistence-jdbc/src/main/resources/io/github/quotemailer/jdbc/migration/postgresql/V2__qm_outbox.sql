-- QuoteMailer schema version 2 for PostgreSQL 10 or newer: the outbox.
--
-- One row per email waiting for (or done with) asynchronous delivery, written by
-- JdbcStores.outbox(): the rendered message, PDF included, so the worker needs nothing else.
-- The sender is not stored: it is resolved when the row is sent.
-- idempotency_key is unique: enqueueing the same key again returns the existing row
-- (INSERT ... ON CONFLICT DO NOTHING, so a host transaction survives a duplicate).
-- Workers claim due rows with SELECT ... FOR UPDATE SKIP LOCKED, then set lease_owner/lease_until
-- and count the attempt, committed before the send; a row whose lease expired is taken over by
-- another worker.
-- send_started is set just before the SMTP transaction; found set after a lease expired, the
-- message may already have been delivered.
-- Times are UTC wall-clock times ("timestamp without time zone"), microsecond precision.
create table qm_outbox (
  id                varchar(36)   not null primary key,
  idempotency_key   varchar(200)  not null,
  message_id        varchar(250)  not null,
  user_id           varchar(128)  not null,
  salesperson_name  varchar(200)  not null,
  salesperson_email varchar(254)  not null,
  salesperson_phone varchar(64),
  quote_number      varchar(64)   not null,
  to_recipients     text          not null,
  cc_recipients     text          not null,
  subject           varchar(1000) not null,
  body_text         text          not null,
  body_html         text          not null,
  pdf               bytea         not null,
  pdf_file_name     varchar(100)  not null,
  enqueued_at       timestamp(6)  not null,
  state             varchar(20)   not null,
  attempts          int           not null,
  next_attempt_at   timestamp(6)  not null,
  last_error        varchar(500),
  fallback_reason   varchar(40),
  send_started      boolean       not null,
  lease_owner       varchar(100),
  lease_until       timestamp(6),
  sent_at           timestamp(6),
  updated_at        timestamp(6)  not null,
  constraint qm_outbox_key_uq unique (idempotency_key)
);

-- Serves the claim ("due pending rows, oldest next_attempt_at first") and the status counts.
create index qm_outbox_due_idx on qm_outbox (state, next_attempt_at);
