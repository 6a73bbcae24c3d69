-- QuoteMailer schema version 5 for MariaDB 10.6 or newer and MySQL 8.0 or newer: sending limits
-- that hold across nodes.
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
-- Times are UTC wall-clock times in datetime(6).
-- Four statements, and DDL is not transactional here: should one fail, the ones before it stay
-- applied and Flyway records the migration as failed. The tables are created only if absent, so
-- after a failure in the first two, migrate again; after one in an ALTER, undo the ALTERs that
-- went through, then run Flyway's repair and migrate again.
create table if not exists qm_sending_identity (
  identity     varchar(254) not null,
  lock_count   bigint       not null,
  paused_until datetime(6)  null,
  pause_reason varchar(500) null,
  updated_at   datetime(6)  not null,
  primary key (identity)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create table if not exists qm_sending_reservation (
  id          varchar(36)  not null,
  identity    varchar(254) not null,
  reserved_at datetime(6)  not null,
  expires_at  datetime(6)  not null,
  primary key (id),
  index qm_sending_reservation_identity_idx (identity, expires_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- Serves the count of an identity's sends in its window.
alter table qm_delivery_attempt
  add index qm_delivery_attempt_identity_idx (identity, outcome, attempted_at);

alter table qm_outbox
  add column deferred_until  datetime(6)  null,
  add column deferred_reason varchar(500) null;
