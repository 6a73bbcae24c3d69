package io.github.quotemailer.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A MIME message whose Message-ID survives {@code saveChanges()} (Jakarta Mail replaces a hand-set
 * Message-ID on every save, which would give each retry of one email a different id), and which is
 * serialised once: {@link #freeze()} writes it to bytes, so measuring its size and sending it do
 * not encode the PDF twice.
 */
final class StableIdMimeMessage extends MimeMessage {
  private final String messageId;
  private byte[] wire;

  StableIdMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }

  /**
   * Saves the headers and writes the message to bytes once; every later {@link #writeTo} writes
   * those bytes, until a header, the content or {@code saveChanges()} changes the message.
   */
  void freeze() throws MessagingException {
    saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      super.writeTo(out, null);
    } catch (IOException e) {
      throw new MessagingException("could not serialise the message", e);
    }
    wire = out.toByteArray();
  }

  // Any change after freeze() drops the frozen bytes, so a changed message is written anew.

  @Override
  public void setHeader(String name, String value) throws MessagingException {
    wire = null;
    super.setHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) throws MessagingException {
    wire = null;
    super.addHeader(name, value);
  }

  @Override
  public void removeHeader(String name) throws MessagingException {
    wire = null;
    super.removeHeader(name);
  }

  @Override
  public void setDataHandler(DataHandler handler) throws MessagingException {
    wire = null;
    super.setDataHandler(handler);
  }

  @Override
  public void saveChanges() throws MessagingException {
    wire = null;
    super.saveChanges();
  }

  /** The length of the message as written, once {@link #freeze() frozen}; else -1. */
  long wireSize() {
    return wire == null ? -1 : wire.length;
  }

  /**
   * Writes the frozen bytes. The SMTP transport asks to leave out {@code Bcc} and {@code
   * Content-Length}, headers these messages never have, so the frozen bytes are what it would
   * write; a list naming a header the message has falls back to writing it anew.
   */
  @Override
  public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
    if (wire != null && hasNoneOf(ignoreList)) {
      os.write(wire);
    } else {
      super.writeTo(os, ignoreList);
    }
  }

  private boolean hasNoneOf(String[] headers) throws MessagingException {
    if (headers != null) {
      for (String header : headers) {
        if (getHeader(header) != null) {
          return false;
        }
      }
    }
    return true;
  }
}
