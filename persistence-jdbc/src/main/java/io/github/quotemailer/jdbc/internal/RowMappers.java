package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.jdbc.internal.dialect.InstantCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/**
 * Maps the library's rows by column name, reading times with the dialect's {@link InstantCodec}.
 */
final class RowMappers {
  private RowMappers() {}

  /** Registers the mappers of every row type and the codec's argument factory on {@code jdbi}. */
  static void register(Jdbi jdbi, InstantCodec time) {
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
                time.read(rs, "next_due"),
                rs.getLong("deferred"),
                time.read(rs, "next_deferred")));
    jdbi.registerRowMapper(
        LedgerRows.Pause.class,
        (rs, ctx) ->
            new LedgerRows.Pause(time.read(rs, "paused_until"), rs.getString("pause_reason")));
    jdbi.registerRowMapper(
        LedgerRows.Counted.class, (rs, ctx) -> new LedgerRows.Counted(time.read(rs, "counted_at")));
  }

  private static RowMapper<OutboxRow> outbox(InstantCodec time) {
    return (ResultSet rs, StatementContext ctx) ->
        OutboxRow.builder()
            .id(rs.getString("id"))
            .idempotencyKey(rs.getString("idempotency_key"))
            .messageId(rs.getString("message_id"))
            .userId(rs.getString("user_id"))
            .salespersonName(rs.getString("salesperson_name"))
            .salespersonEmail(rs.getString("salesperson_email"))
            .salespersonPhone(rs.getString("salesperson_phone"))
            .quoteNumber(rs.getString("quote_number"))
            .toRecipients(rs.getString("to_recipients"))
            .ccRecipients(rs.getString("cc_recipients"))
            .subject(rs.getString("subject"))
            .bodyText(rs.getString("body_text"))
            .bodyHtml(rs.getString("body_html"))
            .pdf(rs.getBytes("pdf"))
            .quoteSnapshot(rs.getString("quote_snapshot"))
            .pdfFileName(rs.getString("pdf_file_name"))
            .enqueuedAt(required(time, rs, "enqueued_at"))
            .state(rs.getString("state"))
            .attempts(rs.getInt("attempts"))
            .nextAttemptAt(required(time, rs, "next_attempt_at"))
            .lastError(rs.getString("last_error"))
            .fallbackReason(rs.getString("fallback_reason"))
            .sendStarted(rs.getBoolean("send_started"))
            .leaseOwner(rs.getString("lease_owner"))
            .leaseUntil(time.read(rs, "lease_until"))
            .sentAt(time.read(rs, "sent_at"))
            .updatedAt(required(time, rs, "updated_at"))
            .build();
  }

  private static RowMapper<SettingsRow> settings(InstantCodec time) {
    return (ResultSet rs, StatementContext ctx) -> {
      int port = rs.getInt("smtp_port");
      Integer smtpPort = rs.wasNull() ? null : port;
      return SettingsRow.builder()
          .userId(rs.getString("user_id"))
          .address(rs.getString("address"))
          .displayName(rs.getString("display_name"))
          .username(rs.getString("username"))
          .smtpHost(rs.getString("smtp_host"))
          .smtpPort(smtpPort)
          .smtpSecurity(rs.getString("smtp_security"))
          .smtpConnectTimeoutMs(nullableLong(rs, "smtp_connect_timeout_ms"))
          .smtpReadTimeoutMs(nullableLong(rs, "smtp_read_timeout_ms"))
          .smtpWriteTimeoutMs(nullableLong(rs, "smtp_write_timeout_ms"))
          .passwordKeyId(rs.getString("password_key_id"))
          .passwordSecret(rs.getString("password_secret"))
          .credentialKind(rs.getString("credential_kind"))
          .oauthProvider(rs.getString("oauth_provider"))
          .oauthTokenEndpoint(rs.getString("oauth_token_endpoint"))
          .oauthClientId(rs.getString("oauth_client_id"))
          .oauthScope(rs.getString("oauth_scope"))
          .oauthClientSecretKeyId(rs.getString("oauth_client_secret_key_id"))
          .oauthClientSecret(rs.getString("oauth_client_secret"))
          .sendLimitCount(nullableInt(rs, "send_limit_count"))
          .sendLimitWindowS(nullableLong(rs, "send_limit_window_s"))
          .enabled(rs.getBoolean("enabled"))
          .healthStatus(rs.getString("health_status"))
          .healthCheckedAt(time.read(rs, "health_checked_at"))
          .healthReply(rs.getString("health_reply"))
          .updatedAt(required(time, rs, "updated_at"))
          .build();
    };
  }

  private static RowMapper<AttemptRow> attempts(InstantCodec time) {
    return (ResultSet rs, StatementContext ctx) ->
        AttemptRow.builder()
            .id(rs.getLong("id"))
            .attemptedAt(required(time, rs, "attempted_at"))
            .userId(rs.getString("user_id"))
            .quoteNumber(rs.getString("quote_number"))
            .messageId(rs.getString("message_id"))
            .identity(rs.getString("identity"))
            .reason(rs.getString("reason"))
            .recipients(rs.getString("recipients"))
            .outcome(rs.getString("outcome"))
            .replyClass(rs.getString("reply_class"))
            .replyCode(rs.getInt("reply_code"))
            .replyText(rs.getString("reply_text"))
            .durationMs(rs.getLong("duration_ms"))
            .build();
  }

  private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Integer nullableInt(ResultSet rs, String column) throws java.sql.SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant required(InstantCodec time, ResultSet rs, String column)
      throws SQLException {
    Instant value = time.read(rs, column);
    if (value == null) {
      throw new SQLException("column " + column + " is NULL");
    }
    return value;
  }
}
