package io.github.quotemailer.examples;

import io.github.quotemailer.smtp.SmtpReply;

/**
 * How the commands print an SMTP outcome, the same everywhere so a script can read it: {@code
 * result=<reply class> reply="<the server's reply>"}.
 */
final class ResultLine {
  private ResultLine() {}

  /** {@code result=ACCEPTED reply="250 2.0.0 OK queued"} for {@code reply}. */
  static String of(SmtpReply reply) {
    return "result=" + reply.replyClass() + " reply=\"" + reply.describe() + "\"";
  }
}
