package io.github.quotemailer.jdbc.internal.dialect;

import io.github.quotemailer.jdbc.Dialect;
import io.github.quotemailer.jdbc.internal.ConditionalClaim;
import io.github.quotemailer.jdbc.internal.OutboxClaim;
import io.github.quotemailer.jdbc.internal.OutboxDao;
import io.github.quotemailer.jdbc.internal.OutboxRow;
import io.github.quotemailer.jdbc.internal.SettingsDao;
import io.github.quotemailer.jdbc.internal.SettingsRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * SQLite 3.24 or newer. Upserts and conditional inserts use {@code ON CONFLICT}; claims use the
 * portable conditional update (SQLite has no row locks to skip); and since SQLite has no time type,
 * instants are fixed-width UTC text, whose text order is time order.
 */
public final class SqliteDialect implements SqlDialect {
  @Override
  public Dialect product() {
    return Dialect.SQLITE;
  }

  @Override
  public String migrationLocation() {
    return "io/github/quotemailer/jdbc/migration/sqlite";
  }

  @Override
  public InstantCodec instants() {
    return new UtcText();
  }

  @Override
  public Class<? extends SettingsDao> settingsStatements() {
    return SettingsStatements.class;
  }

  @Override
  public Class<? extends OutboxDao> outboxStatements() {
    return OutboxStatements.class;
  }

  @Override
  public OutboxClaim outboxClaim() {
    return new ConditionalClaim(OutboxStatements.class);
  }

  /**
   * Serializable, the level SQLite always runs at (its driver accepts no read-committed): one
   * writer at a time, so a transaction that writes first holds the lock until it ends.
   */
  @Override
  public TransactionIsolationLevel lockingIsolation() {
    return TransactionIsolationLevel.SERIALIZABLE;
  }

  /** The settings statements with SQLite's upsert, {@code ON CONFLICT DO UPDATE}. */
  public interface SettingsStatements extends SettingsDao {
    @Override
    @SqlUpdate(
        """
        insert into qm_user_smtp_settings (
            user_id, address, display_name, username, smtp_host, smtp_port, smtp_security,
            smtp_connect_timeout_ms, smtp_read_timeout_ms, smtp_write_timeout_ms,
            password_key_id, password_secret, credential_kind, oauth_provider,
            oauth_token_endpoint, oauth_client_id, oauth_scope, oauth_client_secret_key_id,
            oauth_client_secret, send_limit_count, send_limit_window_s, enabled, health_status,
            health_checked_at, health_reply, updated_at)
        values (
            :userId, :address, :displayName, :username, :smtpHost, :smtpPort, :smtpSecurity,
            :smtpConnectTimeoutMs, :smtpReadTimeoutMs, :smtpWriteTimeoutMs,
            :passwordKeyId, :passwordSecret, :credentialKind, :oauthProvider,
            :oauthTokenEndpoint, :oauthClientId, :oauthScope, :oauthClientSecretKeyId,
            :oauthClientSecret, :sendLimitCount, :sendLimitWindowS, :enabled, :healthStatus,
            :healthCheckedAt,
            :healthReply, :updatedAt)
        on conflict (user_id) do update set
            address = excluded.address, display_name = excluded.display_name,
            username = excluded.username, smtp_host = excluded.smtp_host,
            smtp_port = excluded.smtp_port, smtp_security = excluded.smtp_security,
            smtp_connect_timeout_ms = excluded.smtp_connect_timeout_ms,
            smtp_read_timeout_ms = excluded.smtp_read_timeout_ms,
            smtp_write_timeout_ms = excluded.smtp_write_timeout_ms,
            password_key_id = excluded.password_key_id,
            password_secret = excluded.password_secret,
            credential_kind = excluded.credential_kind,
            oauth_provider = excluded.oauth_provider,
            oauth_token_endpoint = excluded.oauth_token_endpoint,
            oauth_client_id = excluded.oauth_client_id,
            oauth_scope = excluded.oauth_scope,
            oauth_client_secret_key_id = excluded.oauth_client_secret_key_id,
            oauth_client_secret = excluded.oauth_client_secret,
            send_limit_count = excluded.send_limit_count,
            send_limit_window_s = excluded.send_limit_window_s,
            enabled = excluded.enabled,
            health_status = excluded.health_status,
            health_checked_at = excluded.health_checked_at,
            health_reply = excluded.health_reply, updated_at = excluded.updated_at""")
    void upsert(@BindMethods SettingsRow row);
  }

  /** The outbox statements with SQLite's conditional insert. */
  public interface OutboxStatements extends OutboxDao {
    /** {@code INSERT ... ON CONFLICT DO NOTHING}. */
    @Override
    @SqlUpdate(
        """
        insert into qm_outbox (
            id, idempotency_key, message_id, user_id, salesperson_name, salesperson_email,
            salesperson_phone, quote_number, to_recipients, cc_recipients, subject, body_text,
            body_html, pdf, quote_snapshot, pdf_file_name, enqueued_at, state, attempts, next_attempt_at,
            last_error, fallback_reason, send_started, lease_owner, lease_until, sent_at,
            updated_at)
        values (
            :id, :idempotencyKey, :messageId, :userId, :salespersonName, :salespersonEmail,
            :salespersonPhone, :quoteNumber, :toRecipients, :ccRecipients, :subject, :bodyText,
            :bodyHtml, :pdf, :quoteSnapshot, :pdfFileName, :enqueuedAt, :state, :attempts, :nextAttemptAt,
            :lastError, :fallbackReason, :sendStarted, :leaseOwner, :leaseUntil, :sentAt,
            :updatedAt)
        on conflict (idempotency_key) do nothing""")
    void insertUnlessKeyExists(@BindMethods OutboxRow row);

    /**
     * The purge's delete with a unary {@code +} on {@code state} and {@code enqueued_at}, which
     * keeps those terms off every index. Without statistics (SQLite gathers none on its own) SQLite
     * would read the batch through {@code qm_outbox_finished_idx}, every old row of the state,
     * instead of looking its ids up by primary key: each batch would cost as much as the whole
     * purge.
     */
    @Override
    @SqlUpdate(
        """
        delete from qm_outbox
         where id in (<ids>) and +state = :state and +enqueued_at < :cutoff""")
    int deleteIfStill(
        @BindList("ids") List<String> ids,
        @Bind("state") String state,
        @Bind("cutoff") Instant cutoff);
  }

  /** Instants as {@code uuuu-MM-dd HH:mm:ss.SSSSSS} text in UTC: fixed width, so it sorts. */
  private static final class UtcText implements InstantCodec {
    private static final DateTimeFormatter TEXT =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public int nullType() {
      return Types.VARCHAR;
    }

    @Override
    public void bind(PreparedStatement statement, int position, @Nullable Instant value)
        throws SQLException {
      if (value == null) {
        statement.setNull(position, Types.VARCHAR);
      } else {
        statement.setString(position, TEXT.format(InstantCodec.utcWallClock(value)));
      }
    }

    @Override
    public @Nullable Instant read(ResultSet rows, String column) throws SQLException {
      String value = rows.getString(column);
      return value == null ? null : LocalDateTime.parse(value, TEXT).toInstant(ZoneOffset.UTC);
    }
  }
}
