package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements on {@code qm_delivery_attempt}; the same on every database, each written out
 * whole. Each query reads newest first with ties broken by id, which the indexes of migration V1
 * serve directly.
 */
public interface DeliveryLogDao {
  /** Appends {@code row}; its id is ignored, the database assigns one. */
  @SqlUpdate(
      """
      insert into qm_delivery_attempt (
          attempted_at, user_id, quote_number, message_id, identity, reason, recipients,
          outcome, reply_class, reply_code, reply_text, duration_ms)
      values (
          :attemptedAt, :userId, :quoteNumber, :messageId, :identity, :reason, :recipients,
          :outcome, :replyClass, :replyCode, :replyText, :durationMs)""")
  void insert(@BindMethods AttemptRow row);

  /** Attempts of {@code userId}'s quotes. */
  @SqlQuery(
      """
      select id, attempted_at, user_id, quote_number, message_id, identity, reason, recipients,
             outcome, reply_class, reply_code, reply_text, duration_ms
        from qm_delivery_attempt
       where user_id = :userId
       order by attempted_at desc, id desc
       limit :limit offset :offset""")
  List<AttemptRow> byUser(
      @Bind("userId") String userId, @Bind("offset") int offset, @Bind("limit") int limit);

  /** Attempts of the quote {@code quoteNumber}. */
  @SqlQuery(
      """
      select id, attempted_at, user_id, quote_number, message_id, identity, reason, recipients,
             outcome, reply_class, reply_code, reply_text, duration_ms
        from qm_delivery_attempt
       where quote_number = :quoteNumber
       order by attempted_at desc, id desc
       limit :limit offset :offset""")
  List<AttemptRow> byQuote(
      @Bind("quoteNumber") String quoteNumber,
      @Bind("offset") int offset,
      @Bind("limit") int limit);

  /** Attempts that started in [{@code from}, {@code to}). */
  @SqlQuery(
      """
      select id, attempted_at, user_id, quote_number, message_id, identity, reason, recipients,
             outcome, reply_class, reply_code, reply_text, duration_ms
        from qm_delivery_attempt
       where attempted_at >= :from and attempted_at < :to
       order by attempted_at desc, id desc
       limit :limit offset :offset""")
  List<AttemptRow> between(
      @Bind("from") Instant from,
      @Bind("to") Instant to,
      @Bind("offset") int offset,
      @Bind("limit") int limit);
}
