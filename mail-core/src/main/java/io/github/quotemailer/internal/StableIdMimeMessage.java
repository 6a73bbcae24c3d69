package io.github.quotemailer.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID survives {@code saveChanges()}: Jakarta Mail replaces a hand-set
 * Message-ID on every save, which would give each retry of one email a different id.
 */
final class StableIdMimeMessage extends MimeMessage {
  private final String messageId;

  StableIdMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
