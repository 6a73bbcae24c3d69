package io.github.quotemailer.internal.pipeline;

import io.github.quotemailer.identity.ResolutionReason;
import java.util.Optional;

/**
 * What follows a failed attempt, as {@link FallbackDecision} decides it. The direct path carries it
 * out in the caller's thread, the queued path by rescheduling the outbox entry.
 *
 * @param kind what to do
 * @param fallbackReason the reason recorded for the company account, for the two fall-back kinds
 */
public record NextStep(Kind kind, Optional<ResolutionReason> fallbackReason) {
  /** The kinds of step. */
  public enum Kind {
    /** Try the same sender again: now after a short pause, or later from the outbox. */
    RETRY_SAME_SENDER,
    /** Send from the company account now, leaving the user's settings as they are. */
    FALL_BACK,
    /** Mark the user's settings rejected, then send from the company account now. */
    FALL_BACK_AND_MARK_REJECTED,
    /** Wait until the sender's quota window reopens (a direct send reports it instead). */
    DEFER,
    /** Give up: no sender and no wait would help, or the retries ran out. */
    GIVE_UP,
    /** The server may have the message: never resend blindly. */
    OUTCOME_UNKNOWN
  }

  static NextStep of(Kind kind) {
    return new NextStep(kind, Optional.empty());
  }

  static NextStep fallBack(Kind kind, ResolutionReason reason) {
    return new NextStep(kind, Optional.of(reason));
  }

  /** Whether this step sends from the company account now. */
  public boolean fallsBack() {
    return kind == Kind.FALL_BACK || kind == Kind.FALL_BACK_AND_MARK_REJECTED;
  }
}
