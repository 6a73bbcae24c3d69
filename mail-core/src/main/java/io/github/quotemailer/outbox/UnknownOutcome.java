package io.github.quotemailer.outbox;

/**
 * What the worker does with an entry that may have been delivered: its SMTP DATA was under way when
 * the connection failed without a reply, or when its worker died.
 */
public enum UnknownOutcome {
  /**
   * Send it again with the same Message-ID and log it as a possible duplicate (mail clients thread
   * the copies together): at-least-once delivery, the default.
   */
  RESEND_AS_POSSIBLE_DUPLICATE,
  /** Park it as {@link OutboxState#OUTCOME_UNKNOWN} for a person to decide: at-most-once. */
  PARK
}
