package io.github.quotemailer.delivery;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One record of the delivery log: one try to hand one message to one SMTP server.
 *
 * @param at when the attempt started
 * @param userId the host user who owns the quote
 * @param quoteNumber the quote's number
 * @param messageId the Message-ID, the same across all attempts of one email
 * @param identity the authenticated mailbox
 * @param reason why that identity was used
 * @param recipients the envelope recipients
 * @param outcome how it ended
 * @param replyClass the classified reply
 * @param replyCode the SMTP reply code (0 when the server never answered)
 * @param replyText the server's reply text or the client-side failure
 * @param duration how long the attempt took
 */
public record DeliveryAttempt(
    Instant at,
    String userId,
    String quoteNumber,
    String messageId,
    EmailAddress identity,
    ResolutionReason reason,
    List<EmailAddress> recipients,
    DeliveryOutcome outcome,
    SmtpReplyClass replyClass,
    int replyCode,
    String replyText,
    Duration duration) {

  /** Validates the required parts. */
  public DeliveryAttempt {
    Arguments.present("at", at);
    userId = Arguments.text("userId", userId, 128);
    quoteNumber = Arguments.text("quoteNumber", quoteNumber, 64);
    messageId = Arguments.text("messageId", messageId, 250);
    Arguments.present("identity", identity);
    Arguments.present("reason", reason);
    recipients = List.copyOf(recipients);
    Arguments.present("outcome", outcome);
    Arguments.present("replyClass", replyClass);
    replyText = replyText == null ? "" : replyText;
    Arguments.present("duration", duration);
  }
}
