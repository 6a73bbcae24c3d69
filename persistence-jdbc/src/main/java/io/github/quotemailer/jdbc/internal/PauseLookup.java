package io.github.quotemailer.jdbc.internal;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The read of an identity's pause, which every send without a sending limit makes, in an interface
 * of its own (see {@link SettingsLookup} for why).
 */
public interface PauseLookup {
  /** The identity's pause columns, if it has a row. */
  @SqlQuery("select paused_until, pause_reason from qm_sending_identity where identity = :identity")
  Optional<LedgerRows.Pause> pause(@Bind("identity") String identity);
}
