-- QuoteMailer schema version 5 for H2 2.x: sending limits that hold across nodes.
--
-- A sending identity is the mailbox that authenticates (qm_delivery_attempt.identity). Its sends
-- are counted from qm_delivery_attempt (outcome 'SENT' within the rolling window) plus the rows of
-- qm_sending_reservation: sends reserved by a worker on any node and not recorded yet.
-- qm_sending_identity has one row per identity ever checked: updating it is the lock that
-- serialises the checks of one identity, so two workers never both take its last slot; it also
-- holds the pause a provider's quota reply ("550 5.4.5 Daily user sending quota exceeded") puts on
-- the identity, seen by every node.
-- A reservation is deleted once its attempt is in qm_delivery_attempt; one whose worker died
-- stops counting at expires_at (the worker's lease) and is deleted by the next check.
-- qm_outbox gains deferred_until/deferred_reason: set when an entry waits on a sending limit
-- (without counting an attempt), cleared when it is claimed again; outbox status counts them.
-- Times are UTC wall-clock times without a zone, microsecond precision.
create table qm_sending_identity (
  identity     varchar(254) not null primary key,
  lock_count   bigint       not null,
  paused_until timestamp(6),
  pause_reason varchar(500),
  updated_at   timestamp(6) not null
);

create table qm_sending_reservation (
  id          varchar(36)  not null primary key,
  identity    varchar(254) not null,
  reserved_at timestamp(6) not null,
  expires_at  timestamp(6) not null
);

create index qm_sending_reservation_identity_idx on qm_sending_reservation (identity, expires_at);

-- Serves the count of an identity's sends in its window.
create index qm_delivery_attempt_identity_idx on qm_delivery_attempt (identity, outcome, attempted_at);

alter table qm_outbox add column (
  deferred_until  timestamp(6),
  deferred_reason varchar(500)
);
