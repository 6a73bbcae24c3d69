package io.github.quotemailer.jdbc.internal;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The read of one user's settings, which every send makes, in an interface of its own: JDBI builds
 * a handler (with its own copy of the configuration) for every method of an interface each time it
 * attaches one, which for the 14 statements of {@link SettingsDao} cost more than the query itself.
 * The statements run for each message therefore live in small interfaces: this one, {@link
 * PauseLookup} and {@link OutboxProgress}.
 */
public interface SettingsLookup {
  /** The row of {@code userId}. */
  @SqlQuery(
      """
      select user_id, address, display_name, username, smtp_host, smtp_port, smtp_security,
             smtp_connect_timeout_ms, smtp_read_timeout_ms, smtp_write_timeout_ms,
             password_key_id, password_secret, credential_kind, oauth_provider,
             oauth_token_endpoint, oauth_client_id, oauth_scope, oauth_client_secret_key_id,
             oauth_client_secret, send_limit_count, send_limit_window_s, enabled, health_status,
             health_checked_at, health_reply, updated_at
        from qm_user_smtp_settings
       where user_id = :userId""")
  Optional<SettingsRow> find(@Bind("userId") String userId);
}
