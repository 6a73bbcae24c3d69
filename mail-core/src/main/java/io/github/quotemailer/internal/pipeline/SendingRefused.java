package io.github.quotemailer.internal.pipeline;

import io.github.quotemailer.delivery.SendingLedger.Refused;

/**
 * The identity may not send now: its sending limit is reached or it is paused. Thrown before any
 * connection is made; internal control flow only, like {@link
 * io.github.quotemailer.internal.SmtpFailure}.
 */
final class SendingRefused extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Refused refusal;

  SendingRefused(Refused refusal) {
    super(refusal.reason(), null, false, false);
    this.refusal = refusal;
  }

  /** Why, and when the identity may send again. */
  Refused refusal() {
    return refusal;
  }
}
