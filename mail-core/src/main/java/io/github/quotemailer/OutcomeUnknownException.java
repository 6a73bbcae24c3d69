package io.github.quotemailer;

import io.github.quotemailer.smtp.SmtpReply;

/**
 * The connection failed after the message's DATA was sent and before the server answered: the quote
 * may have been delivered. Retrying it as if it were a transient failure could send a duplicate, so
 * a host that retries {@link DeliveryException}s should treat this one apart: look the Message-ID
 * up in the delivery log, or ask a person. See the README's "Who sends: the fallback table", last
 * row.
 */
public class OutcomeUnknownException extends DeliveryException {
  private static final long serialVersionUID = 1L;

  private final String messageId;

  /** Creates the exception for the message {@code messageId}, with the client-side reply. */
  public OutcomeUnknownException(
      String message, String messageId, SmtpReply reply, Throwable cause) {
    super(message, reply, cause);
    this.messageId = Arguments.present("messageId", messageId);
  }

  /** The Message-ID of the message that may have been delivered. */
  public String messageId() {
    return messageId;
  }
}
