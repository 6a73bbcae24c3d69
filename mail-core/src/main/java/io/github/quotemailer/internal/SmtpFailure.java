package io.github.quotemailer.internal;

import io.github.quotemailer.smtp.SmtpReply;

/** One SMTP attempt failed; carries the classified reply. Internal control flow only. */
public final class SmtpFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient SmtpReply reply;

  /** Creates the failure for {@code reply}. */
  public SmtpFailure(SmtpReply reply, Throwable cause) {
    super(reply.describe(), cause, false, false);
    this.reply = reply;
  }

  /** The classified reply. */
  public SmtpReply reply() {
    return reply;
  }
}
