package io.github.quotemailer;

import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;

/**
 * The quote could not be delivered. Carries the classified SMTP reply so callers can tell a
 * rejected recipient (permanent, fix the address) from a server that is down (retry later).
 */
public class DeliveryException extends QuoteMailerException {
  private static final long serialVersionUID = 1L;

  private final transient SmtpReply reply;

  /** Creates the exception for the given classified reply. */
  public DeliveryException(String message, SmtpReply reply, Throwable cause) {
    super(message, cause);
    this.reply = reply;
  }

  /** The server's classified reply (or the client-side failure, such as a timeout). */
  public SmtpReply reply() {
    return reply;
  }

  /** Shorthand for {@code reply().replyClass()}. */
  public SmtpReplyClass replyClass() {
    return reply.replyClass();
  }
}
