package io.github.quotemailer.delivery;

import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpReply;
import java.time.Instant;
import java.util.Optional;

/**
 * Proof that a quote was handed to an SMTP server, and as whom.
 *
 * @param messageId the Message-ID of the email
 * @param authenticatedAs the mailbox whose account authenticated
 * @param from the {@code From} address
 * @param fromName its display name
 * @param replyTo the {@code Reply-To} address, if set
 * @param reason why this identity sent
 * @param reply the server's final reply
 * @param attempts how many attempts it took, fallback included
 * @param sentAt when the server accepted it
 */
public record DeliveryReceipt(
    String messageId,
    EmailAddress authenticatedAs,
    EmailAddress from,
    String fromName,
    Optional<EmailAddress> replyTo,
    ResolutionReason reason,
    SmtpReply reply,
    int attempts,
    Instant sentAt) {

  /** A builder: each part by name, instead of nine arguments in a row. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeliveryReceipt} by naming each part; {@link #build()} validates them. */
  public static final class Builder {
    private String messageId;
    private EmailAddress authenticatedAs;
    private EmailAddress from;
    private String fromName;
    private Optional<EmailAddress> replyTo = Optional.empty();
    private ResolutionReason reason;
    private SmtpReply reply;
    private int attempts;
    private Instant sentAt;

    private Builder() {}

    /** Sets {@code messageId}. */
    public Builder messageId(String messageId) {
      this.messageId = messageId;
      return this;
    }

    /** Sets {@code authenticatedAs}. */
    public Builder authenticatedAs(EmailAddress authenticatedAs) {
      this.authenticatedAs = authenticatedAs;
      return this;
    }

    /** Sets {@code from}. */
    public Builder from(EmailAddress from) {
      this.from = from;
      return this;
    }

    /** Sets {@code fromName}. */
    public Builder fromName(String fromName) {
      this.fromName = fromName;
      return this;
    }

    /** Sets {@code replyTo}. */
    public Builder replyTo(Optional<EmailAddress> replyTo) {
      this.replyTo = replyTo;
      return this;
    }

    /** Sets {@code reason}. */
    public Builder reason(ResolutionReason reason) {
      this.reason = reason;
      return this;
    }

    /** Sets {@code reply}. */
    public Builder reply(SmtpReply reply) {
      this.reply = reply;
      return this;
    }

    /** Sets {@code attempts}. */
    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /** Sets {@code sentAt}. */
    public Builder sentAt(Instant sentAt) {
      this.sentAt = sentAt;
      return this;
    }

    /** Validates and builds. */
    public DeliveryReceipt build() {
      return new DeliveryReceipt(
          messageId, authenticatedAs, from, fromName, replyTo, reason, reply, attempts, sentAt);
    }
  }
}
