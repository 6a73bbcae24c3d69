package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * The statements on {@code qm_user_smtp_settings} that read the same on every database, each
 * written out whole. The upsert differs per database: each dialect's settings statements supply it
 * (see {@link io.github.quotemailer.jdbc.internal.dialect.SqlDialect}).
 */
public interface SettingsDao extends SettingsLookup {
  /** Inserts {@code row}, or replaces every column of the row with the same user id. */
  void upsert(SettingsRow row);

  /** Every row, by user id. */
  @SqlQuery(
      """
      select user_id, address, display_name, username, smtp_host, smtp_port, smtp_security,
             smtp_connect_timeout_ms, smtp_read_timeout_ms, smtp_write_timeout_ms,
             password_key_id, password_secret, credential_kind, oauth_provider,
             oauth_token_endpoint, oauth_client_id, oauth_scope, oauth_client_secret_key_id,
             oauth_client_secret, send_limit_count, send_limit_window_s, enabled, health_status,
             health_checked_at, health_reply, updated_at
        from qm_user_smtp_settings
       order by user_id""")
  List<SettingsRow> list();

  /** Deletes the row of {@code userId}; returns the rows deleted. */
  @SqlUpdate("delete from qm_user_smtp_settings where user_id = :userId")
  int delete(@Bind("userId") String userId);

  /** Sets the health columns of {@code userId}; returns the rows changed (0 or 1). */
  @SqlUpdate(
      """
      update qm_user_smtp_settings
         set health_status = :status, health_checked_at = :checkedAt, health_reply = :reply,
             updated_at = :now
       where user_id = :userId""")
  int updateHealth(
      @Bind("userId") String userId,
      @Bind("status") String status,
      @Bind("checkedAt") @Nullable Instant checkedAt,
      @Bind("reply") @Nullable String reply,
      @Bind("now") Instant now);

  /**
   * Replaces the refresh token of {@code userId}'s OAuth2 row, only if it still is {@code
   * previous}; returns the rows changed (0: another node stored a newer token first, or the grant
   * was replaced).
   */
  @SqlUpdate(
      """
      update qm_user_smtp_settings
         set password_key_id = :keyId, password_secret = :secret, updated_at = :now
       where user_id = :userId and credential_kind = 'OAUTH2' and password_secret = :previous""")
  int replaceRefreshToken(
      @Bind("userId") String userId,
      @Bind("previous") String previous,
      @Bind("keyId") String keyId,
      @Bind("secret") String secret,
      @Bind("now") Instant now);

  /** How many secrets use key {@code keyId}. */
  @SqlQuery("select count(*) from qm_user_smtp_settings where password_key_id = :keyId")
  int countUsingKey(@Bind("keyId") String keyId);

  /**
   * Up to {@code limit} secrets not on key {@code keyId}, with user ids after {@code afterUserId},
   * by user id: key rotation pages through them with this, so each row is seen once per run.
   */
  @SqlQuery(
      """
      select user_id, password_secret
        from qm_user_smtp_settings
       where password_key_id <> :keyId and user_id > :after
       order by user_id
       limit :limit""")
  List<StoredSecret> secretsNotUsingKey(
      @Bind("keyId") String keyId, @Bind("after") String afterUserId, @Bind("limit") int limit);

  /**
   * Replaces the secret of {@code userId}, only if it still is {@code previous} (a password changed
   * meanwhile is left alone); returns the rows changed.
   */
  @SqlUpdate(
      """
      update qm_user_smtp_settings
         set password_key_id = :keyId, password_secret = :secret, updated_at = :now
       where user_id = :userId and password_secret = :previous""")
  int replaceSecret(
      @Bind("userId") String userId,
      @Bind("previous") String previous,
      @Bind("keyId") String keyId,
      @Bind("secret") String secret,
      @Bind("now") Instant now);

  /** How many OAuth2 client secrets use key {@code keyId}. */
  @SqlQuery("select count(*) from qm_user_smtp_settings where oauth_client_secret_key_id = :keyId")
  int countClientSecretsUsingKey(@Bind("keyId") String keyId);

  /** Like {@link #secretsNotUsingKey}, for the OAuth2 client secrets. */
  @SqlQuery(
      """
      select user_id, oauth_client_secret as password_secret
        from qm_user_smtp_settings
       where oauth_client_secret_key_id <> :keyId and user_id > :after
       order by user_id
       limit :limit""")
  List<StoredSecret> clientSecretsNotUsingKey(
      @Bind("keyId") String keyId, @Bind("after") String afterUserId, @Bind("limit") int limit);

  /** Like {@link #replaceSecret}, for the OAuth2 client secret. */
  @SqlUpdate(
      """
      update qm_user_smtp_settings
         set oauth_client_secret_key_id = :keyId, oauth_client_secret = :secret, updated_at = :now
       where user_id = :userId and oauth_client_secret = :previous""")
  int replaceClientSecret(
      @Bind("userId") String userId,
      @Bind("previous") String previous,
      @Bind("keyId") String keyId,
      @Bind("secret") String secret,
      @Bind("now") Instant now);

  /** How many company refresh tokens use key {@code keyId}. */
  @SqlQuery("select count(*) from qm_oauth_refresh_token where key_id = :keyId")
  int countAccountTokensUsingKey(@Bind("keyId") String keyId);

  /**
   * Like {@link #secretsNotUsingKey}, for the refresh tokens of accounts without settings; the
   * account stands where the user id does (it is their associated data).
   */
  @SqlQuery(
      """
      select account as user_id, secret as password_secret
        from qm_oauth_refresh_token
       where key_id <> :keyId and account > :after
       order by account
       limit :limit""")
  List<StoredSecret> accountTokensNotUsingKey(
      @Bind("keyId") String keyId, @Bind("after") String afterAccount, @Bind("limit") int limit);

  /** Like {@link #replaceSecret}, for the refresh token of an account without settings. */
  @SqlUpdate(
      """
      update qm_oauth_refresh_token
         set key_id = :keyId, secret = :secret, updated_at = :now
       where account = :account and secret = :previous""")
  int replaceAccountToken(
      @Bind("account") String account,
      @Bind("previous") String previous,
      @Bind("keyId") String keyId,
      @Bind("secret") String secret,
      @Bind("now") Instant now);
}
