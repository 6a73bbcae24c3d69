package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code qm_user_smtp_settings}, column by column. {@code passwordSecret} is the
 * encrypted text form, never a clear password.
 *
 * <p>Built with {@link #builder()}, one column at a time, by name.
 *
 * @param userId {@code user_id}
 * @param address {@code address}
 * @param displayName {@code display_name}
 * @param username {@code username}
 * @param smtpHost {@code smtp_host}, null for the company account's server
 * @param smtpPort {@code smtp_port}
 * @param smtpSecurity {@code smtp_security}, a {@code TransportSecurity} name
 * @param smtpConnectTimeoutMs {@code smtp_connect_timeout_ms}; null before V3: the default
 * @param smtpReadTimeoutMs {@code smtp_read_timeout_ms}; null before V3: the default
 * @param smtpWriteTimeoutMs {@code smtp_write_timeout_ms}; null before V3: the default
 * @param passwordKeyId {@code password_key_id}
 * @param passwordSecret {@code password_secret}, {@code qm1:<keyId>:<base64>}
 * @param credentialKind {@code credential_kind}: PASSWORD or OAUTH2
 * @param oauthProvider {@code oauth_provider}, an {@code OAuth2Provider} name; null for a password
 * @param oauthTokenEndpoint {@code oauth_token_endpoint}
 * @param oauthClientId {@code oauth_client_id}
 * @param oauthScope {@code oauth_scope}
 * @param oauthClientSecretKeyId {@code oauth_client_secret_key_id}
 * @param oauthClientSecret {@code oauth_client_secret}, encrypted text form
 * @param sendLimitCount {@code send_limit_count}
 * @param sendLimitWindowS {@code send_limit_window_s}
 * @param enabled {@code enabled}
 * @param healthStatus {@code health_status}, a {@code SettingsHealth.Status} name
 * @param healthCheckedAt {@code health_checked_at}
 * @param healthReply {@code health_reply}
 * @param updatedAt {@code updated_at}
 */
public record SettingsRow(
    String userId,
    String address,
    String displayName,
    String username,
    @Nullable String smtpHost,
    @Nullable Integer smtpPort,
    @Nullable String smtpSecurity,
    @Nullable Long smtpConnectTimeoutMs,
    @Nullable Long smtpReadTimeoutMs,
    @Nullable Long smtpWriteTimeoutMs,
    String passwordKeyId,
    String passwordSecret,
    String credentialKind,
    @Nullable String oauthProvider,
    @Nullable String oauthTokenEndpoint,
    @Nullable String oauthClientId,
    @Nullable String oauthScope,
    @Nullable String oauthClientSecretKeyId,
    @Nullable String oauthClientSecret,
    @Nullable Integer sendLimitCount,
    @Nullable Long sendLimitWindowS,
    boolean enabled,
    String healthStatus,
    @Nullable Instant healthCheckedAt,
    @Nullable String healthReply,
    Instant updatedAt) {
  /** A builder with every column unset: null, or false for the flag. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link SettingsRow} column by column, so no call site passes a run of values by
   * position.
   */
  public static final class Builder {
    private @Nullable String userId;
    private @Nullable String address;
    private @Nullable String displayName;
    private @Nullable String username;
    private @Nullable String smtpHost;
    private @Nullable Integer smtpPort;
    private @Nullable String smtpSecurity;
    private @Nullable Long smtpConnectTimeoutMs;
    private @Nullable Long smtpReadTimeoutMs;
    private @Nullable Long smtpWriteTimeoutMs;
    private @Nullable String passwordKeyId;
    private @Nullable String passwordSecret;
    private @Nullable String credentialKind;
    private @Nullable String oauthProvider;
    private @Nullable String oauthTokenEndpoint;
    private @Nullable String oauthClientId;
    private @Nullable String oauthScope;
    private @Nullable String oauthClientSecretKeyId;
    private @Nullable String oauthClientSecret;
    private @Nullable Integer sendLimitCount;
    private @Nullable Long sendLimitWindowS;
    private boolean enabled;
    private @Nullable String healthStatus;
    private @Nullable Instant healthCheckedAt;
    private @Nullable String healthReply;
    private @Nullable Instant updatedAt;

    private Builder() {}

    /** Sets {@code userId}. */
    public Builder userId(String value) {
      this.userId = value;
      return this;
    }

    /** Sets {@code address}. */
    public Builder address(String value) {
      this.address = value;
      return this;
    }

    /** Sets {@code displayName}. */
    public Builder displayName(String value) {
      this.displayName = value;
      return this;
    }

    /** Sets {@code username}. */
    public Builder username(String value) {
      this.username = value;
      return this;
    }

    /** Sets {@code smtpHost}. */
    public Builder smtpHost(@Nullable String value) {
      this.smtpHost = value;
      return this;
    }

    /** Sets {@code smtpPort}. */
    public Builder smtpPort(@Nullable Integer value) {
      this.smtpPort = value;
      return this;
    }

    /** Sets {@code smtpSecurity}. */
    public Builder smtpSecurity(@Nullable String value) {
      this.smtpSecurity = value;
      return this;
    }

    /** Sets {@code smtpConnectTimeoutMs}. */
    public Builder smtpConnectTimeoutMs(@Nullable Long value) {
      this.smtpConnectTimeoutMs = value;
      return this;
    }

    /** Sets {@code smtpReadTimeoutMs}. */
    public Builder smtpReadTimeoutMs(@Nullable Long value) {
      this.smtpReadTimeoutMs = value;
      return this;
    }

    /** Sets {@code smtpWriteTimeoutMs}. */
    public Builder smtpWriteTimeoutMs(@Nullable Long value) {
      this.smtpWriteTimeoutMs = value;
      return this;
    }

    /** Sets {@code passwordKeyId}. */
    public Builder passwordKeyId(String value) {
      this.passwordKeyId = value;
      return this;
    }

    /** Sets {@code passwordSecret}. */
    public Builder passwordSecret(String value) {
      this.passwordSecret = value;
      return this;
    }

    /** Sets {@code credentialKind}. */
    public Builder credentialKind(String value) {
      this.credentialKind = value;
      return this;
    }

    /** Sets {@code oauthProvider}. */
    public Builder oauthProvider(@Nullable String value) {
      this.oauthProvider = value;
      return this;
    }

    /** Sets {@code oauthTokenEndpoint}. */
    public Builder oauthTokenEndpoint(@Nullable String value) {
      this.oauthTokenEndpoint = value;
      return this;
    }

    /** Sets {@code oauthClientId}. */
    public Builder oauthClientId(@Nullable String value) {
      this.oauthClientId = value;
      return this;
    }

    /** Sets {@code oauthScope}. */
    public Builder oauthScope(@Nullable String value) {
      this.oauthScope = value;
      return this;
    }

    /** Sets {@code oauthClientSecretKeyId}. */
    public Builder oauthClientSecretKeyId(@Nullable String value) {
      this.oauthClientSecretKeyId = value;
      return this;
    }

    /** Sets {@code oauthClientSecret}. */
    public Builder oauthClientSecret(@Nullable String value) {
      this.oauthClientSecret = value;
      return this;
    }

    /** Sets {@code sendLimitCount}. */
    public Builder sendLimitCount(@Nullable Integer value) {
      this.sendLimitCount = value;
      return this;
    }

    /** Sets {@code sendLimitWindowS}. */
    public Builder sendLimitWindowS(@Nullable Long value) {
      this.sendLimitWindowS = value;
      return this;
    }

    /** Sets {@code enabled}. */
    public Builder enabled(boolean value) {
      this.enabled = value;
      return this;
    }

    /** Sets {@code healthStatus}. */
    public Builder healthStatus(String value) {
      this.healthStatus = value;
      return this;
    }

    /** Sets {@code healthCheckedAt}. */
    public Builder healthCheckedAt(@Nullable Instant value) {
      this.healthCheckedAt = value;
      return this;
    }

    /** Sets {@code healthReply}. */
    public Builder healthReply(@Nullable String value) {
      this.healthReply = value;
      return this;
    }

    /** Sets {@code updatedAt}. */
    public Builder updatedAt(Instant value) {
      this.updatedAt = value;
      return this;
    }

    /** The row; the database refuses it if a NOT NULL column was left unset. */
    public SettingsRow build() {
      return new SettingsRow(
          userId,
          address,
          displayName,
          username,
          smtpHost,
          smtpPort,
          smtpSecurity,
          smtpConnectTimeoutMs,
          smtpReadTimeoutMs,
          smtpWriteTimeoutMs,
          passwordKeyId,
          passwordSecret,
          credentialKind,
          oauthProvider,
          oauthTokenEndpoint,
          oauthClientId,
          oauthScope,
          oauthClientSecretKeyId,
          oauthClientSecret,
          sendLimitCount,
          sendLimitWindowS,
          enabled,
          healthStatus,
          healthCheckedAt,
          healthReply,
          updatedAt);
    }
  }
}
