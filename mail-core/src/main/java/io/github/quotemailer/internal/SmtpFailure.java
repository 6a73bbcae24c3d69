package io.github.quotemailer.internal;

import io.github.quotemailer.smtp.SmtpReply;

/** One SMTP attempt failed; carries the classified reply. Internal control flow only. */
public final class SmtpFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient SmtpReply reply;
  private final boolean outcomeUnknown;

  /** Creates the failure for {@code reply}. */
  public SmtpFailure(SmtpReply reply, Throwable cause) {
    this(reply, cause, false);
  }

  /**
   * Creates the failure; {@code outcomeUnknown} when the connection failed after DATA without a
   * reply, so the server may have accepted the message.
   */
  public SmtpFailure(SmtpReply reply, Throwable cause, boolean outcomeUnknown) {
    super(reply.describe(), cause, false, false);
    this.reply = reply;
    this.outcomeUnknown = outcomeUnknown;
  }

  /** Whether the message may have been delivered despite the failure. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /** The classified reply. */
  public SmtpReply reply() {
    return reply;
  }
}
