package io.github.quotemailer.jdbc.internal.dialect;

import io.github.quotemailer.jdbc.Dialect;
import io.github.quotemailer.jdbc.internal.OutboxClaim;
import io.github.quotemailer.jdbc.internal.OutboxDao;
import io.github.quotemailer.jdbc.internal.OutboxRow;
import io.github.quotemailer.jdbc.internal.SettingsDao;
import io.github.quotemailer.jdbc.internal.SettingsRow;
import io.github.quotemailer.jdbc.internal.SkipLockedClaim;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * PostgreSQL 10 or newer. Upserts and conditional inserts use {@code ON CONFLICT}, which never
 * raises an error for a duplicate, so a host's transaction stays usable; claims lock due rows with
 * {@code FOR UPDATE SKIP LOCKED}; instants are {@code timestamp} (without time zone) in UTC.
 */
public final class PostgresDialect implements SqlDialect {
  @Override
  public Dialect product() {
    return Dialect.POSTGRESQL;
  }

  @Override
  public String migrationLocation() {
    return "io/github/quotemailer/jdbc/migration/postgresql";
  }

  @Override
  public InstantCodec instants() {
    return new UtcWallClock();
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
    return new SkipLockedClaim(OutboxStatements.class);
  }

  /** The settings statements with PostgreSQL's upsert, {@code ON CONFLICT DO UPDATE}. */
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

  /** The outbox statements with PostgreSQL's conditional insert and claim query. */
  public interface OutboxStatements extends SkipLockedClaim.Statements {
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

    @Override
    @SqlQuery(
        """
        select id
          from qm_outbox
         where state = 'PENDING' and next_attempt_at <= :now
           and (lease_owner is null or lease_until <= :now)
         order by next_attempt_at
         limit :limit
           for update skip locked""")
    List<String> lockDueIds(@Bind("now") Instant now, @Bind("limit") int limit);
  }
}
