package io.github.quotemailer.delivery;

/** How one delivery attempt ended. */
public enum DeliveryOutcome {
  /** The server accepted the message. */
  SENT,
  /** The attempt failed in a way that another try (or another sender) may fix. */
  FAILED_TRANSIENT,
  /** The attempt failed for good with this sender (rejected login, recipient, or message). */
  FAILED_PERMANENT,
  /**
   * Not attempted now: the identity's sending limit was reached, or it is paused after its
   * provider's quota reply. A queued email goes when the window reopens (the reply text says when);
   * a direct send reports it with a {@code DeliveryException}. Never counted against a limit.
   */
  DEFERRED
}
