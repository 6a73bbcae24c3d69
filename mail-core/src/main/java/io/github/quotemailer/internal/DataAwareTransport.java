package io.github.quotemailer.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An SMTP transport that runs a callback right before the DATA command. That is the moment after
 * which a crash may leave a delivered message unrecorded, so the outbox records it there and not
 * earlier: a crash before DATA is then known to have sent nothing.
 */
final class DataAwareTransport extends SMTPTransport {
  private volatile Runnable beforeData = () -> {};
  private volatile boolean dataReached;

  DataAwareTransport(Session session) {
    super(session, new URLName("smtp", null, -1, null, null, null));
  }

  /** Sets the callback for the next message sent on this connection. */
  void beforeData(Runnable callback) {
    this.beforeData = callback;
    this.dataReached = false;
  }

  /** Whether the current message got as far as the DATA command. */
  boolean dataReached() {
    return dataReached;
  }

  @Override
  protected OutputStream data() throws MessagingException {
    Runnable callback = beforeData;
    beforeData = () -> {};
    callback.run();
    dataReached = true;
    return super.data();
  }
}
