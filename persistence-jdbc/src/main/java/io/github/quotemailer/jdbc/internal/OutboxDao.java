package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * The statements on {@code qm_outbox}. Most read the same on every database; the insert that leaves
 * an existing idempotency key alone differs, and each sub-interface supplies its own. Every
 * statement that records an outcome only touches a row still leased to the calling worker: a worker
 * whose lease was taken over must not overwrite the new owner's outcome.
 */
public interface OutboxDao {
  /** All columns, in {@link OutboxRow} order. */
  String COLUMNS =
      "id, idempotency_key, message_id, user_id, salesperson_name, salesperson_email,"
          + " salesperson_phone, quote_number, to_recipients, cc_recipients, subject, body_text,"
          + " body_html, pdf, pdf_file_name, enqueued_at, state, attempts, next_attempt_at,"
          + " last_error, fallback_reason, send_started, lease_owner, lease_until, sent_at,"
          + " updated_at";

  /** Named parameters for {@link #COLUMNS}, bound from an {@link OutboxRow}. */
  String VALUES =
      ":id, :idempotencyKey, :messageId, :userId, :salespersonName, :salespersonEmail,"
          + " :salespersonPhone, :quoteNumber, :toRecipients, :ccRecipients, :subject, :bodyText,"
          + " :bodyHtml, :pdf, :pdfFileName, :enqueuedAt, :state, :attempts, :nextAttemptAt,"
          + " :lastError, :fallbackReason, :sendStarted, :leaseOwner, :leaseUntil, :sentAt,"
          + " :updatedAt";

  /** A row a worker may claim at {@code :now}: pending, due, and under no live lease. */
  String CLAIMABLE =
      "state = 'PENDING' and next_attempt_at <= :now"
          + " and (lease_owner is null or lease_until <= :now)";

  /** Ends a lease: what every outcome sets besides its state. */
  String END_LEASE =
      "send_started = false, lease_owner = null, lease_until = null, updated_at = :now";

  /** Only the row {@code :id} while {@code :owner} holds it. */
  String HELD = " where id = :id and lease_owner = :owner";

  /**
   * Inserts {@code row} unless a row with its idempotency key exists, in which case nothing happens
   * and no error is raised (so a host's transaction stays usable, even on PostgreSQL).
   */
  void insertUnlessKeyExists(OutboxRow row);

  /** The entry stored under {@code key}. */
  @SqlQuery("select id, message_id from qm_outbox where idempotency_key = :key")
  Optional<EnqueuedKey> findKey(@Bind("key") String key);

  /** The row {@code id}. */
  @SqlQuery("select " + COLUMNS + " from qm_outbox where id = :id")
  Optional<OutboxRow> find(@Bind("id") String id);

  /** The rows {@code ids}, soonest due first. */
  @SqlQuery(
      "select " + COLUMNS + " from qm_outbox where id in (<ids>) order by next_attempt_at, id")
  List<OutboxRow> findAll(@BindList("ids") List<String> ids);

  /** Ids of up to {@code limit} claimable rows, soonest due first; locks nothing. */
  @SqlQuery(
      "select id from qm_outbox where " + CLAIMABLE + " order by next_attempt_at limit :limit")
  List<String> claimableIds(@Bind("now") Instant now, @Bind("limit") int limit);

  /**
   * Ids of up to {@code limit} claimable rows, soonest due first, locked until the transaction
   * ends; rows another transaction has locked are skipped rather than waited for. PostgreSQL,
   * MariaDB 10.6+ and MySQL 8 only.
   */
  @SqlQuery(
      "select id from qm_outbox where "
          + CLAIMABLE
          + " order by next_attempt_at limit :limit for update skip locked")
  List<String> lockClaimableIds(@Bind("now") Instant now, @Bind("limit") int limit);

  /** Leases the rows {@code ids} (locked by the caller's transaction) and counts an attempt. */
  @SqlUpdate(
      "update qm_outbox set lease_owner = :owner, lease_until = :until,"
          + " attempts = attempts + 1, updated_at = :now where id in (<ids>)")
  int lease(
      @BindList("ids") List<String> ids,
      @Bind("owner") String owner,
      @Bind("until") Instant until,
      @Bind("now") Instant now);

  /**
   * Leases the row {@code id} and counts an attempt if it is still claimable: the portable claim.
   * Returns 1 when this caller won the row, 0 when another worker was first.
   */
  @SqlUpdate(
      "update qm_outbox set lease_owner = :owner, lease_until = :until,"
          + " attempts = attempts + 1, updated_at = :now where id = :id and "
          + CLAIMABLE)
  int leaseIfClaimable(
      @Bind("id") String id,
      @Bind("owner") String owner,
      @Bind("until") Instant until,
      @Bind("now") Instant now);

  /** Records that the SMTP transaction of {@code id} is starting. */
  @SqlUpdate("update qm_outbox set send_started = true, updated_at = :now" + HELD)
  int markSendStarted(@Bind("id") String id, @Bind("owner") String owner, @Bind("now") Instant now);

  /** Records delivery at {@code at} and ends the lease. */
  @SqlUpdate(
      "update qm_outbox set state = 'SENT', last_error = null, sent_at = :at, " + END_LEASE + HELD)
  int markSent(
      @Bind("id") String id,
      @Bind("owner") String owner,
      @Bind("at") Instant at,
      @Bind("now") Instant now);

  /**
   * Ends the lease and makes the row due again at {@code next}; a given fallback reason replaces
   * the stored one, none keeps it.
   */
  @SqlUpdate(
      "update qm_outbox set state = 'PENDING', next_attempt_at = :next, last_error = :error,"
          + " fallback_reason = coalesce(:reason, fallback_reason), "
          + END_LEASE
          + HELD)
  int scheduleRetry(
      @Bind("id") String id,
      @Bind("owner") String owner,
      @Bind("next") Instant next,
      @Bind("error") String error,
      @Bind("reason") @Nullable String fallbackReason,
      @Bind("now") Instant now);

  /** Ends the lease in {@code state} (a final one) with {@code error}. */
  @SqlUpdate("update qm_outbox set state = :state, last_error = :error, " + END_LEASE + HELD)
  int finish(
      @Bind("id") String id,
      @Bind("owner") String owner,
      @Bind("state") String state,
      @Bind("error") String error,
      @Bind("now") Instant now);

  /** Ends the lease without counting the attempt; the row stays pending and due. */
  @SqlUpdate(
      "update qm_outbox set state = 'PENDING',"
          + " attempts = case when attempts > 0 then attempts - 1 else 0 end, "
          + END_LEASE
          + HELD)
  int release(@Bind("id") String id, @Bind("owner") String owner, @Bind("now") Instant now);

  /** Rows per state. */
  @SqlQuery("select state, count(*) as entries from qm_outbox group by state")
  @KeyColumn("state")
  @ValueColumn("entries")
  Map<String, Long> countByState();

  /** Due, leased, oldest due and next due among the pending rows, at {@code now}. */
  @SqlQuery(
      "select"
          + " sum(case when lease_owner is not null and lease_until > :now then 1 else 0 end)"
          + " as leased,"
          + " sum(case when (lease_owner is null or lease_until <= :now)"
          + " and next_attempt_at <= :now then 1 else 0 end) as due,"
          + " min(case when (lease_owner is null or lease_until <= :now)"
          + " and next_attempt_at <= :now then enqueued_at end) as oldest_due,"
          + " min(case when lease_owner is null or lease_until <= :now"
          + " then next_attempt_at end) as next_due"
          + " from qm_outbox where state = 'PENDING'")
  PendingSummary pending(@Bind("now") Instant now);

  /** Makes every dead row pending and due at {@code now}, with its attempts reset. */
  @SqlUpdate(
      "update qm_outbox set state = 'PENDING', next_attempt_at = :now, attempts = 0,"
          + " updated_at = :now where state = 'DEAD'")
  int retryDead(@Bind("now") Instant now);

  /** Deletes sent and dead rows enqueued before {@code cutoff}. */
  @SqlUpdate("delete from qm_outbox where state in ('SENT', 'DEAD') and enqueued_at < :cutoff")
  int purge(@Bind("cutoff") Instant cutoff);

  /** H2: {@code MERGE ... WHEN NOT MATCHED THEN INSERT}, a conditional insert in one statement. */
  interface Merge extends OutboxDao {
    @Override
    @SqlUpdate(
        "merge into qm_outbox using (values (cast(:idempotencyKey as varchar(200)))) s(k)"
            + " on qm_outbox.idempotency_key = s.k when not matched then insert ("
            + COLUMNS
            + ") values ("
            + VALUES
            + ")")
    void insertUnlessKeyExists(@BindMethods OutboxRow row);
  }

  /** PostgreSQL and SQLite: {@code INSERT ... ON CONFLICT DO NOTHING}. */
  interface OnConflict extends OutboxDao {
    @Override
    @SqlUpdate(
        "insert into qm_outbox ("
            + COLUMNS
            + ") values ("
            + VALUES
            + ") on conflict (idempotency_key) do nothing")
    void insertUnlessKeyExists(@BindMethods OutboxRow row);
  }

  /**
   * MariaDB and MySQL: {@code INSERT ... ON DUPLICATE KEY UPDATE id = id}, a no-op on a duplicate.
   * Not {@code INSERT IGNORE}, which would also turn other errors (a value too long) into warnings.
   */
  interface OnDuplicateKey extends OutboxDao {
    @Override
    @SqlUpdate(
        "insert into qm_outbox ("
            + COLUMNS
            + ") values ("
            + VALUES
            + ") on duplicate key update id = id")
    void insertUnlessKeyExists(@BindMethods OutboxRow row);
  }
}
