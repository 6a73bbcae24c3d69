package io.github.quotemailer.jdbc.internal.dialect;

import io.github.quotemailer.jdbc.Dialect;
import io.github.quotemailer.jdbc.internal.ConditionalClaim;
import io.github.quotemailer.jdbc.internal.OutboxClaim;
import io.github.quotemailer.jdbc.internal.OutboxDao;
import io.github.quotemailer.jdbc.internal.OutboxRow;
import io.github.quotemailer.jdbc.internal.SettingsDao;
import io.github.quotemailer.jdbc.internal.SettingsRow;
import io.github.quotemailer.jdbc.internal.SqlStates;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * H2 2.x, embedded or server. Upserts and conditional inserts are {@code MERGE} statements;
 * instants are timestamps in UTC. Claims use the portable conditional update: H2 has {@code SKIP
 * LOCKED} only from 2.2.220.
 */
public final class H2Dialect implements SqlDialect {
  @Override
  public Dialect product() {
    return Dialect.H2;
  }

  @Override
  public String migrationLocation() {
    return "io/github/quotemailer/jdbc/migration/h2";
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
    return new ConditionalClaim(OutboxStatements.class);
  }

  /**
   * True: Flyway's H2 lock ({@code SELECT ... FOR UPDATE} on its history table) locks nothing while
   * that table is empty, and H2 commits after every DDL statement, so two instances could otherwise
   * run V1 together and record it as failed.
   */
  @Override
  public boolean migratesOneAtATimeInThisJvm() {
    return true;
  }

  /** The settings statements with H2's upsert, {@code MERGE ... KEY}. */
  public interface SettingsStatements extends SettingsDao {
    @Override
    @SqlUpdate(
        """
        merge into qm_user_smtp_settings (
            user_id, address, display_name, username, smtp_host, smtp_port, smtp_security,
            smtp_connect_timeout_ms, smtp_read_timeout_ms, smtp_write_timeout_ms,
            password_key_id, password_secret, credential_kind, oauth_provider,
            oauth_token_endpoint, oauth_client_id, oauth_scope, oauth_client_secret_key_id,
            oauth_client_secret, send_limit_count, send_limit_window_s, enabled, health_status,
            health_checked_at, health_reply, updated_at)
        key (user_id)
        values (
            :userId, :address, :displayName, :username, :smtpHost, :smtpPort, :smtpSecurity,
            :smtpConnectTimeoutMs, :smtpReadTimeoutMs, :smtpWriteTimeoutMs,
            :passwordKeyId, :passwordSecret, :credentialKind, :oauthProvider,
            :oauthTokenEndpoint, :oauthClientId, :oauthScope, :oauthClientSecretKeyId,
            :oauthClientSecret, :sendLimitCount, :sendLimitWindowS, :enabled, :healthStatus,
            :healthCheckedAt,
            :healthReply, :updatedAt)""")
    void upsert(@BindMethods SettingsRow row);
  }

  /** The outbox statements with H2's conditional insert. */
  public interface OutboxStatements extends OutboxDao {
    /** {@code MERGE ... WHEN NOT MATCHED THEN INSERT}: a conditional insert in one statement. */
    @SqlUpdate(
        """
        merge into qm_outbox
        using (values (cast(:idempotencyKey as varchar(200)))) s(k)
           on qm_outbox.idempotency_key = s.k
        when not matched then insert (
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
            :updatedAt)""")
    void mergeUnlessKeyExists(@BindMethods OutboxRow row);

    @Override
    default void insertUnlessKeyExists(OutboxRow row) {
      try {
        mergeUnlessKeyExists(row);
      } catch (UnableToExecuteStatementException e) {
        // H2's MERGE does not wait for a concurrent insert of the same key: it fails on the unique
        // constraint instead, and that other insert is the entry the caller reads back.
        if (!SqlStates.isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }
}
