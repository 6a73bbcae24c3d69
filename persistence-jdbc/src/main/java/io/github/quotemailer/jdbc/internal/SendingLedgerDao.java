package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of the sending ledger on {@code qm_sending_identity}, {@code
 * qm_sending_reservation} and {@code qm_delivery_attempt}; the same on every database, each written
 * out whole. The count of an identity's sends is served by the index of migration V5 on {@code
 * qm_delivery_attempt (identity, outcome, attempted_at)}.
 */
public interface SendingLedgerDao extends PauseLookup {
  /**
   * Creates the identity's lock row; fails with a unique violation when it exists, which the caller
   * ignores.
   */
  @SqlUpdate(
      """
      insert into qm_sending_identity (identity, lock_count, paused_until, pause_reason, updated_at)
      values (:identity, 0, null, null, :now)""")
  void insertIdentity(@Bind("identity") String identity, @Bind("now") Instant now);

  /**
   * Takes the identity's lock until the transaction ends: an update of its row, which every
   * database serialises (a row lock on H2, PostgreSQL and MariaDB, the write lock on SQLite).
   * Returns 0 when the row does not exist yet.
   */
  @SqlUpdate(
      """
      update qm_sending_identity
         set lock_count = lock_count + 1, updated_at = :now
       where identity = :identity""")
  int lock(@Bind("identity") String identity, @Bind("now") Instant now);

  /** Pauses the identity until {@code until}, unless a pause ending later is in force. */
  @SqlUpdate(
      """
      update qm_sending_identity
         set paused_until = :until, pause_reason = :reason, updated_at = :now
       where identity = :identity and (paused_until is null or paused_until < :until)""")
  int pause(
      @Bind("identity") String identity,
      @Bind("until") Instant until,
      @Bind("reason") String reason,
      @Bind("now") Instant now);

  /** Deletes the identity's reservations that expired by {@code now} (their worker died). */
  @SqlUpdate("delete from qm_sending_reservation where identity = :identity and expires_at <= :now")
  int deleteExpired(@Bind("identity") String identity, @Bind("now") Instant now);

  /** The identity's SENT attempts that started after {@code since}. */
  @SqlQuery(
      """
      select count(*)
        from qm_delivery_attempt
       where identity = :identity and outcome = 'SENT' and attempted_at > :since""")
  long countSent(@Bind("identity") String identity, @Bind("since") Instant since);

  /** The identity's reservations live at {@code now}. */
  @SqlQuery(
      """
      select count(*)
        from qm_sending_reservation
       where identity = :identity and expires_at > :now""")
  long countReserved(@Bind("identity") String identity, @Bind("now") Instant now);

  /**
   * The time of the counted send after {@code skip} older ones: sends after {@code since} and
   * reservations live at {@code now}, oldest first.
   */
  @SqlQuery(
      """
      select counted_at
        from (select attempted_at as counted_at
                from qm_delivery_attempt
               where identity = :identity and outcome = 'SENT' and attempted_at > :since
              union all
              select reserved_at as counted_at
                from qm_sending_reservation
               where identity = :identity and expires_at > :now) counted
       order by counted_at
       limit 1 offset :skip""")
  Optional<LedgerRows.Counted> countedAfter(
      @Bind("identity") String identity,
      @Bind("since") Instant since,
      @Bind("now") Instant now,
      @Bind("skip") long skip);

  /** Reserves one send. */
  @SqlUpdate(
      """
      insert into qm_sending_reservation (id, identity, reserved_at, expires_at)
      values (:id, :identity, :now, :expiresAt)""")
  void reserve(
      @Bind("id") String id,
      @Bind("identity") String identity,
      @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt);

  /** Ends a reservation. */
  @SqlUpdate("delete from qm_sending_reservation where id = :id")
  int release(@Bind("id") String id);
}
