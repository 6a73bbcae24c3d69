package io.github.quotemailer.internal.transport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An SMTP transport that runs a callback right before the DATA command. That is the moment after
 * which a crash may leave a delivered message unrecorded, so the outbox records it there and not
 * earlier: a crash before DATA is then known to have sent nothing. It also remembers whether the
 * server refused HELO, so that refusal is not mistaken for a refused connection.
 */
final class DataAwareTransport extends SMTPTransport {
  private volatile Runnable beforeData = () -> {};
  private volatile boolean dataReached;
  private volatile boolean heloRefused;

  DataAwareTransport(Session session) {
    super(session, new URLName("smtp", null, -1, null, null, null));
  }

  /** Sets the callback for the next message sent on this connection. */
  void beforeData(Runnable callback) {
    this.beforeData = callback;
    this.dataReached = false;
  }

  /**
   * Whether the server accepted the DATA command of the current message (answered 354): only from
   * then on can a lost connection leave a delivered message behind.
   */
  boolean dataReached() {
    return dataReached;
  }

  /**
   * Whether the server refused HELO (sent when EHLO failed): the connection failed on this client's
   * name, after a greeting that welcomed it.
   */
  boolean heloRefused() {
    return heloRefused;
  }

  @Override
  protected void helo(String domain) throws MessagingException {
    try {
      super.helo(domain);
    } catch (MessagingException e) {
      heloRefused = true;
      throw e;
    }
  }

  @Override
  protected OutputStream data() throws MessagingException {
    Runnable callback = beforeData;
    beforeData = () -> {};
    callback.run();
    OutputStream stream = super.data();
    dataReached = true;
    return stream;
  }
}
