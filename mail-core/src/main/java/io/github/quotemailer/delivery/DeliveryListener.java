package io.github.quotemailer.delivery;

import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.smtp.SmtpReply;

/**
 * Host callbacks about deliveries. Every method has an empty default, so a host overrides only what
 * it acts on (for example, notifying an admin when a salesperson's password stopped working).
 * Callbacks run on the sending thread: keep them short, and do not throw.
 */
public interface DeliveryListener {
  /** The message was accepted by the server. */
  default void onDelivered(String userId, DeliveryReceipt receipt) {}

  /** The company account sent instead of the user's own, for {@code reason}. */
  default void onFallback(String userId, String quoteNumber, ResolutionReason reason) {}

  /**
   * The user's server rejected their credentials or sender address; their settings are now marked
   * rejected and skipped until verified again.
   */
  default void onCredentialsRejected(String userId, SmtpReply reply) {}

  /**
   * The stored password of {@code userId} could not be decrypted (the key {@code keyId} left the
   * key ring, or the stored text was altered); the quote goes out from the company account and the
   * settings are marked unreadable until the password is set again.
   */
  default void onSecretUnreadable(String userId, String keyId, String problem) {}

  /** The message could not be delivered at all (synchronous send). */
  default void onFailed(String userId, String quoteNumber, SmtpReply reply) {}

  /** A queued message was given up: a permanent failure, or its retries ran out. */
  default void onDeadLettered(String userId, String quoteNumber, String messageId, String error) {}
}
