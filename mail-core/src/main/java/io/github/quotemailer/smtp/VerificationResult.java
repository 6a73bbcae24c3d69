package io.github.quotemailer.smtp;

import java.time.Instant;

/**
 * The outcome of a "test connection": a login and an envelope probe, with nothing sent.
 *
 * @param reply the classified server reply (ACCEPTED when everything passed)
 * @param checkedAt when the check finished
 */
public record VerificationResult(SmtpReply reply, Instant checkedAt) {
  /** Whether the account can send. */
  public boolean succeeded() {
    return reply.replyClass() == SmtpReplyClass.ACCEPTED;
  }
}
