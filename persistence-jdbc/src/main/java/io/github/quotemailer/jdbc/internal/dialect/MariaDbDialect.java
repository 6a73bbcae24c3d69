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
 * MariaDB 10.6 or newer, and MySQL 8.0 or newer, whose SQL here means the same: they share this
 * class, its statements and the {@code mariadb} migrations, and differ only in the name reported.
 * Upserts and conditional inserts use {@code ON DUPLICATE KEY UPDATE}; claims lock due rows with
 * {@code FOR UPDATE SKIP LOCKED}; instants are {@code datetime(6)} in UTC.
 */
public final class MariaDbDialect implements SqlDialect {
  private final Dialect product;

  private MariaDbDialect(Dialect product) {
    this.product = product;
  }

  /** MariaDB. */
  static MariaDbDialect mariaDb() {
    return new MariaDbDialect(Dialect.MARIADB);
  }

  /** MySQL, on MariaDB's statements and migrations. */
  static MariaDbDialect mySql() {
    return new MariaDbDialect(Dialect.MYSQL);
  }

  @Override
  public Dialect product() {
    return product;
  }

  @Override
  public String migrationLocation() {
    return "io/github/quotemailer/jdbc/migration/mariadb";
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

  /**
   * The settings statements with MariaDB's upsert, {@code ON DUPLICATE KEY UPDATE}. {@code
   * VALUES(col)} is what MariaDB understands; MySQL 8 still accepts it (deprecated in favour of a
   * row alias MariaDB lacks).
   */
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
        on duplicate key update
            address = values(address), display_name = values(display_name),
            username = values(username), smtp_host = values(smtp_host),
            smtp_port = values(smtp_port), smtp_security = values(smtp_security),
            smtp_connect_timeout_ms = values(smtp_connect_timeout_ms),
            smtp_read_timeout_ms = values(smtp_read_timeout_ms),
            smtp_write_timeout_ms = values(smtp_write_timeout_ms),
            password_key_id = values(password_key_id),
            password_secret = values(password_secret),
            credential_kind = values(credential_kind),
            oauth_provider = values(oauth_provider),
            oauth_token_endpoint = values(oauth_token_endpoint),
            oauth_client_id = values(oauth_client_id),
            oauth_scope = values(oauth_scope),
            oauth_client_secret_key_id = values(oauth_client_secret_key_id),
            oauth_client_secret = values(oauth_client_secret),
            send_limit_count = values(send_limit_count),
            send_limit_window_s = values(send_limit_window_s),
            enabled = values(enabled),
            health_status = values(health_status),
            health_checked_at = values(health_checked_at),
            health_reply = values(health_reply), updated_at = values(updated_at)""")
    void upsert(@BindMethods SettingsRow row);
  }

  /** The outbox statements with MariaDB's conditional insert and claim query. */
  public interface OutboxStatements extends SkipLockedClaim.Statements {
    /**
     * {@code INSERT ... ON DUPLICATE KEY UPDATE id = id}, a no-op on a duplicate. Not {@code INSERT
     * IGNORE}, which would also turn other errors (a value too long) into warnings.
     */
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
        on duplicate key update id = id""")
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
