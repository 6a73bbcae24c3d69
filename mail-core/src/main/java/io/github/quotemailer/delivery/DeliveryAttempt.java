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

  /** A builder: each part by name, instead of twelve arguments in a row. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeliveryAttempt} by naming each part; {@link #build()} validates them. */
  public static final class Builder {
    private Instant at;
    private String userId;
    private String quoteNumber;
    private String messageId;
    private EmailAddress identity;
    private ResolutionReason reason;
    private List<EmailAddress> recipients = List.of();
    private DeliveryOutcome outcome;
    private SmtpReplyClass replyClass;
    private int replyCode;
    private String replyText = "";
    private Duration duration;

    private Builder() {}

    /** Sets {@code at}. */
    public Builder at(Instant at) {
      this.at = at;
      return this;
    }

    /** Sets {@code userId}. */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /** Sets {@code quoteNumber}. */
    public Builder quoteNumber(String quoteNumber) {
      this.quoteNumber = quoteNumber;
      return this;
    }

    /** Sets {@code messageId}. */
    public Builder messageId(String messageId) {
      this.messageId = messageId;
      return this;
    }

    /** Sets {@code identity}. */
    public Builder identity(EmailAddress identity) {
      this.identity = identity;
      return this;
    }

    /** Sets {@code reason}. */
    public Builder reason(ResolutionReason reason) {
      this.reason = reason;
      return this;
    }

    /** Sets {@code recipients}. */
    public Builder recipients(List<EmailAddress> recipients) {
      this.recipients = recipients;
      return this;
    }

    /** Sets {@code outcome}. */
    public Builder outcome(DeliveryOutcome outcome) {
      this.outcome = outcome;
      return this;
    }

    /** Sets {@code replyClass}. */
    public Builder replyClass(SmtpReplyClass replyClass) {
      this.replyClass = replyClass;
      return this;
    }

    /** Sets {@code replyCode}. */
    public Builder replyCode(int replyCode) {
      this.replyCode = replyCode;
      return this;
    }

    /** Sets {@code replyText}. */
    public Builder replyText(String replyText) {
      this.replyText = replyText;
      return this;
    }

    /** Sets {@code duration}. */
    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    /** Validates and builds. */
    public DeliveryAttempt build() {
      return new DeliveryAttempt(
          at,
          userId,
          quoteNumber,
          messageId,
          identity,
          reason,
          recipients,
          outcome,
          replyClass,
          replyCode,
          replyText,
          duration);
    }
  }
}
