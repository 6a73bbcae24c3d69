package io.github.quotemailer.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/** Maps the library's rows by column name, reading times with the dialect's {@link TimeCodec}. */
final class RowMappers {
  private RowMappers() {}

  /** Registers the mappers of every row type and the codec's argument factory on {@code jdbi}. */
  static void register(Jdbi jdbi, TimeCodec time) {
    jdbi.registerArgument(time.argumentFactory());
    jdbi.registerRowMapper(SettingsRow.class, settings(time));
    jdbi.registerRowMapper(AttemptRow.class, attempts(time));
    jdbi.registerRowMapper(
        StoredSecret.class,
        (rs, ctx) -> new StoredSecret(rs.getString("user_id"), rs.getString("password_secret")));
    jdbi.registerRowMapper(OutboxRow.class, outbox(time));
    jdbi.registerRowMapper(
        EnqueuedKey.class,
        (rs, ctx) -> new EnqueuedKey(rs.getString("id"), rs.getString("message_id")));
    jdbi.registerRowMapper(
        PendingSummary.class,
        (rs, ctx) ->
            new PendingSummary(
                rs.getLong("due"),
                rs.getLong("leased"),
                time.read(rs, "oldest_due"),
                time.read(rs, "next_due")));
  }

  private static RowMapper<OutboxRow> outbox(TimeCodec time) {
    return (ResultSet rs, StatementContext ctx) ->
        new OutboxRow(
            rs.getString("id"),
            rs.getString("idempotency_key"),
            rs.getString("message_id"),
            rs.getString("user_id"),
            rs.getString("salesperson_name"),
            rs.getString("salesperson_email"),
            rs.getString("salesperson_phone"),
            rs.getString("quote_number"),
            rs.getString("to_recipients"),
            rs.getString("cc_recipients"),
            rs.getString("subject"),
            rs.getString("body_text"),
            rs.getString("body_html"),
            rs.getBytes("pdf"),
            rs.getString("pdf_file_name"),
            required(time, rs, "enqueued_at"),
            rs.getString("state"),
            rs.getInt("attempts"),
            required(time, rs, "next_attempt_at"),
            rs.getString("last_error"),
            rs.getString("fallback_reason"),
            rs.getBoolean("send_started"),
            rs.getString("lease_owner"),
            time.read(rs, "lease_until"),
            time.read(rs, "sent_at"),
            required(time, rs, "updated_at"));
  }

  private static RowMapper<SettingsRow> settings(TimeCodec time) {
    return (ResultSet rs, StatementContext ctx) -> {
      int port = rs.getInt("smtp_port");
      Integer smtpPort = rs.wasNull() ? null : port;
      return new SettingsRow(
          rs.getString("user_id"),
          rs.getString("address"),
          rs.getString("display_name"),
          rs.getString("username"),
          rs.getString("smtp_host"),
          smtpPort,
          rs.getString("smtp_security"),
          nullableLong(rs, "smtp_connect_timeout_ms"),
          nullableLong(rs, "smtp_read_timeout_ms"),
          nullableLong(rs, "smtp_write_timeout_ms"),
          rs.getString("password_key_id"),
          rs.getString("password_secret"),
          rs.getBoolean("enabled"),
          rs.getString("health_status"),
          time.read(rs, "health_checked_at"),
          rs.getString("health_reply"),
          required(time, rs, "updated_at"));
    };
  }

  private static RowMapper<AttemptRow> attempts(TimeCodec time) {
    return (ResultSet rs, StatementContext ctx) ->
        new AttemptRow(
            rs.getLong("id"),
            required(time, rs, "attempted_at"),
            rs.getString("user_id"),
            rs.getString("quote_number"),
            rs.getString("message_id"),
            rs.getString("identity"),
            rs.getString("reason"),
            rs.getString("recipients"),
            rs.getString("outcome"),
            rs.getString("reply_class"),
            rs.getInt("reply_code"),
            rs.getString("reply_text"),
            rs.getLong("duration_ms"));
  }

  private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant required(TimeCodec time, ResultSet rs, String column) throws SQLException {
    Instant value = time.read(rs, column);
    if (value == null) {
      throw new SQLException("column " + column + " is NULL");
    }
    return value;
  }
}
