package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code qm_user_smtp_settings}, column by column. {@code passwordSecret} is the
 * encrypted text form, never a clear password.
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
    boolean enabled,
    String healthStatus,
    @Nullable Instant healthCheckedAt,
    @Nullable String healthReply,
    Instant updatedAt) {}
