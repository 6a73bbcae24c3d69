package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The two updates a worker makes on {@code qm_outbox} for every message it sends, in an interface
 * of their own (see {@link SettingsLookup} for why). Like every outcome, they only touch a row
 * still leased to the calling worker.
 */
public interface OutboxProgress {
  /** Records that the SMTP transaction of {@code id} is starting. */
  @SqlUpdate(
      """
      update qm_outbox
         set send_started = true, updated_at = :now
       where id = :id and lease_owner = :owner""")
  int markSendStarted(@Bind("id") String id, @Bind("owner") String owner, @Bind("now") Instant now);

  /** Records delivery at {@code at} and ends the lease. */
  @SqlUpdate(
      """
      update qm_outbox
         set state = 'SENT', last_error = null, sent_at = :at,
             send_started = false, lease_owner = null, lease_until = null, updated_at = :now
       where id = :id and lease_owner = :owner""")
  int markSent(
      @Bind("id") String id,
      @Bind("owner") String owner,
      @Bind("at") Instant at,
      @Bind("now") Instant now);
}
