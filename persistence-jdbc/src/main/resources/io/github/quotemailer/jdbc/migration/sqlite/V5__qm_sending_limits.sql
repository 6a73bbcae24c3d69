-- QuoteMailer schema version 5 for SQLite 3.24 or newer: sending limits that hold across
-- connections.
--
-- A sending identity is the mailbox that authenticates (qm_delivery_attempt.identity). Its sends
-- are counted from qm_delivery_attempt (outcome 'SENT' within the rolling window) plus the rows of
-- qm_sending_reservation: sends reserved by a worker and not recorded yet.
-- qm_sending_identity has one row per identity ever checked. A check starts by updating it, which
-- takes SQLite's write lock at once (SQLite serialises writers), so two workers never both take an
-- identity's last slot; it also holds the pause a provider's quota reply ("550 5.4.5 Daily user
-- sending quota exceeded") puts on the identity.
-- A reservation is deleted once its attempt is in qm_delivery_attempt; one whose worker died
-- stops counting at expires_at (the worker's lease) and is deleted by the next check.
-- qm_outbox gains deferred_until/deferred_reason: set when an entry waits on a sending limit
-- (without counting an attempt), cleared when it is claimed again; outbox status counts them.
-- Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS.SSSSSS', as in the other tables.
-- SQLite adds one column per ALTER TABLE.
create table qm_sending_identity (
  identity     varchar(254) not null primary key,
  lock_count   integer      not null,
  paused_until text,
  pause_reason varchar(500),
  updated_at   text         not null
);

create table qm_sending_reservation (
  id          varchar(36)  not null primary key,
  identity    varchar(254) not null,
  reserved_at text         not null,
  expires_at  text         not null
);

create index qm_sending_reservation_identity_idx on qm_sending_reservation (identity, expires_at);

-- Serves the count of an identity's sends in its window.
create index qm_delivery_attempt_identity_idx on qm_delivery_attempt (identity, outcome, attempted_at);

alter table qm_outbox add column deferred_until text;
alter table qm_outbox add column deferred_reason varchar(500);
