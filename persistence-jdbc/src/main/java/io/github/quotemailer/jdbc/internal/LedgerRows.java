package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The rows {@link SendingLedgerDao} reads. */
final class LedgerRows {
  private LedgerRows() {}

  /**
   * The pause columns of {@code qm_sending_identity}.
   *
   * @param pausedUntil when the pause ends; null when the identity was never paused
   * @param reason why it was paused
   */
  record Pause(@Nullable Instant pausedUntil, @Nullable String reason) {}

  /**
   * One send counted against a limit: a SENT attempt's start or a reservation's time.
   *
   * @param at when
   */
  record Counted(Instant at) {}
}
