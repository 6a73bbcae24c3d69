package io.github.quotemailer.delivery;

/** How one delivery attempt ended. */
public enum DeliveryOutcome {
  /** The server accepted the message. */
  SENT,
  /** The attempt failed in a way that another try (or another sender) may fix. */
  FAILED_TRANSIENT,
  /** The attempt failed for good with this sender (rejected login, recipient, or message). */
  FAILED_PERMANENT
}
