package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * The statements on {@code qm_outbox} that read the same on every database, each written out whole.
 * The insert that leaves an existing idempotency key alone differs: each dialect's outbox
 * statements supply it (see {@link io.github.quotemailer.jdbc.internal.dialect.SqlDialect}). Every
 * statement that records an outcome only touches a row still leased to the calling worker ({@code
 * lease_owner = :owner}): a worker whose lease was taken over must not overwrite the new owner's
 * outcome.
 */
public interface OutboxDao extends OutboxProgress {
  /**
   * Inserts {@code row} unless a row with its idempotency key exists, in which case nothing happens
   * and no error is raised (so a host's transaction stays usable, even on PostgreSQL).
   */
  void insertUnlessKeyExists(OutboxRow row);

  /** The entry stored under {@code key}. */
  @SqlQuery("select id, message_id from qm_outbox where idempotency_key = :key")
  Optional<EnqueuedKey> findKey(@Bind("key") String key);

  /** The row {@code id}. */
  @SqlQuery(
      """
      select id, idempotency_key, message_id, user_id, salesperson_name, salesperson_email,
             salesperson_phone, quote_number, to_recipients, cc_recipients, subject, body_text,
             body_html, pdf, quote_snapshot, pdf_file_name, enqueued_at, state, attempts, next_attempt_at,
             last_error, fallback_reason, send_started, lease_owner, lease_until, sent_at,
             updated_at
        from qm_outbox
       where id = :id""")
  Optional<OutboxRow> find(@Bind("id") String id);

  /** The rows {@code ids}, soonest due first. */
  @SqlQuery(
      """
      select id, idempotency_key, message_id, user_id, salesperson_name, salesperson_email,
             salesperson_phone, quote_number, to_recipients, cc_recipients, subject, body_text,
             body_html, pdf, quote_snapshot, pdf_file_name, enqueued_at, state, attempts, next_attempt_at,
             last_error, fallback_reason, send_started, lease_owner, lease_until, sent_at,
             updated_at
        from qm_outbox
       where id in (<ids>)
       order by next_attempt_at, id""")
  List<OutboxRow> findAll(@BindList("ids") List<String> ids);

  /**
   * Ids of up to {@code limit} rows a worker may claim at {@code now} (pending, due, and under no
   * live lease), soonest due first; locks nothing. A range scan of {@code qm_outbox_due_idx} over
   * the pending rows only. The order names {@code state} too, though it is fixed: H2 reads the
   * index in order, and stops after {@code limit} rows, only when the order by lists the index's
   * columns from the first; otherwise it reads and sorts every due row, which grows with a backlog.
   */
  @SqlQuery(
      """
      select id
        from qm_outbox
       where state = 'PENDING' and next_attempt_at <= :now
         and (lease_owner is null or lease_until <= :now)
       order by state, next_attempt_at
       limit :limit""")
  List<String> claimableIds(@Bind("now") Instant now, @Bind("limit") int limit);

  /**
   * Leases the rows {@code ids} (locked by the caller's transaction) and counts an attempt; a
   * deferral ends with the claim.
   */
  @SqlUpdate(
      """
      update qm_outbox
         set lease_owner = :owner, lease_until = :until, attempts = attempts + 1,
             deferred_until = null, deferred_reason = null, updated_at = :now
       where id in (<ids>)""")
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
      """
      update qm_outbox
         set lease_owner = :owner, lease_until = :until, attempts = attempts + 1,
             deferred_until = null, deferred_reason = null, updated_at = :now
       where id = :id
         and state = 'PENDING' and next_attempt_at <= :now
         and (lease_owner is null or lease_until <= :now)""")
  int leaseIfClaimable(
      @Bind("id") String id,
      @Bind("owner") String owner,
      @Bind("until") Instant until,
      @Bind("now") Instant now);

  /**
   * Ends the lease and makes the row due again at {@code next}; a given fallback reason replaces
   * the stored one, none keeps it.
   */
  @SqlUpdate(
      """
      update qm_outbox
         set state = 'PENDING', next_attempt_at = :next, last_error = :error,
             fallback_reason = coalesce(:reason, fallback_reason),
             send_started = false, lease_owner = null, lease_until = null, updated_at = :now
       where id = :id and lease_owner = :owner""")
  int scheduleRetry(
      @Bind("id") String id,
      @Bind("owner") String owner,
      @Bind("next") Instant next,
      @Bind("error") String error,
      @Bind("reason") @Nullable String fallbackReason,
      @Bind("now") Instant now);

  /**
   * Ends the lease without counting the attempt and makes the row due at {@code until}, recording
   * why it waits: its sender's sending limit, or a pause after a quota reply.
   */
  @SqlUpdate(
      """
      update qm_outbox
         set state = 'PENDING', next_attempt_at = :until, last_error = :note,
             attempts = case when attempts > 0 then attempts - 1 else 0 end,
             deferred_until = :until, deferred_reason = :note,
             send_started = false, lease_owner = null, lease_until = null, updated_at = :now
       where id = :id and lease_owner = :owner""")
  int defer(
      @Bind("id") String id,
      @Bind("owner") String owner,
      @Bind("until") Instant until,
      @Bind("note") String note,
      @Bind("now") Instant now);

  /** Ends the lease in {@code state} (a final one) with {@code error}. */
  @SqlUpdate(
      """
      update qm_outbox
         set state = :state, last_error = :error,
             send_started = false, lease_owner = null, lease_until = null, updated_at = :now
       where id = :id and lease_owner = :owner""")
  int finish(
      @Bind("id") String id,
      @Bind("owner") String owner,
      @Bind("state") String state,
      @Bind("error") String error,
      @Bind("now") Instant now);

  /** Ends the lease without counting the attempt; the row stays pending and due. */
  @SqlUpdate(
      """
      update qm_outbox
         set state = 'PENDING', attempts = case when attempts > 0 then attempts - 1 else 0 end,
             send_started = false, lease_owner = null, lease_until = null, updated_at = :now
       where id = :id and lease_owner = :owner""")
  int release(@Bind("id") String id, @Bind("owner") String owner, @Bind("now") Instant now);

  /** Rows per state. */
  @SqlQuery("select state, count(*) as entries from qm_outbox group by state")
  @KeyColumn("state")
  @ValueColumn("entries")
  Map<String, Long> countByState();

  /**
   * Due, leased, oldest due, next due, deferred and next deferred among the pending rows, at {@code
   * now}.
   */
  @SqlQuery(
      """
      select sum(case when lease_owner is not null and lease_until > :now then 1 else 0 end)
               as leased,
             sum(case when (lease_owner is null or lease_until <= :now)
                       and next_attempt_at <= :now then 1 else 0 end) as due,
             min(case when (lease_owner is null or lease_until <= :now)
                       and next_attempt_at <= :now then enqueued_at end) as oldest_due,
             min(case when lease_owner is null or lease_until <= :now
                      then next_attempt_at end) as next_due,
             sum(case when (lease_owner is null or lease_until <= :now)
                       and deferred_until > :now then 1 else 0 end) as deferred,
             min(case when (lease_owner is null or lease_until <= :now)
                       and deferred_until > :now then deferred_until end) as next_deferred
        from qm_outbox
       where state = 'PENDING'""")
  PendingSummary pending(@Bind("now") Instant now);

  /** Makes every dead row pending and due at {@code now}, with its attempts reset. */
  @SqlUpdate(
      """
      update qm_outbox
         set state = 'PENDING', next_attempt_at = :now, attempts = 0, updated_at = :now
       where state = 'DEAD'""")
  int retryDead(@Bind("now") Instant now);

  /**
   * Ids of up to {@code limit} rows in {@code state} enqueued before {@code cutoff}, oldest first;
   * locks nothing. A range scan of {@code qm_outbox_finished_idx (state, enqueued_at)} (migration
   * V6) that stops after {@code limit} rows. The order names {@code state} too, though it is fixed:
   * H2 reads the index in order, and stops after {@code limit} rows, only when the order by lists
   * the index's columns from the first; otherwise it reads and sorts every old row of the state.
   */
  @SqlQuery(
      """
      select id
        from qm_outbox
       where state = :state and enqueued_at < :cutoff
       order by state, enqueued_at
       limit :limit""")
  List<String> purgeableIds(
      @Bind("state") String state, @Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

  /**
   * Deletes the rows {@code ids} that are still in {@code state} and enqueued before {@code
   * cutoff}: a row revived since it was selected ({@code retryDead}) stays.
   */
  @SqlUpdate(
      """
      delete from qm_outbox
       where id in (<ids>) and state = :state and enqueued_at < :cutoff""")
  int deleteIfStill(
      @BindList("ids") List<String> ids,
      @Bind("state") String state,
      @Bind("cutoff") Instant cutoff);
}
