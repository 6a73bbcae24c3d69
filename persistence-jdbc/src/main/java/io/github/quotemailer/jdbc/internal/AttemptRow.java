package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code qm_delivery_attempt}, column by column.
 *
 * <p>Built with {@link #builder()}, one column at a time, by name.
 *
 * @param id {@code id}, assigned by the database (0 before insert)
 * @param attemptedAt {@code attempted_at}
 * @param userId {@code user_id}
 * @param quoteNumber {@code quote_number}
 * @param messageId {@code message_id}
 * @param identity {@code identity}, the authenticated mailbox
 * @param reason {@code reason}, a {@code ResolutionReason} name
 * @param recipients {@code recipients}, comma-joined addresses
 * @param outcome {@code outcome}, a {@code DeliveryOutcome} name
 * @param replyClass {@code reply_class}, an {@code SmtpReplyClass} name
 * @param replyCode {@code reply_code}
 * @param replyText {@code reply_text}
 * @param durationMs {@code duration_ms}
 */
public record AttemptRow(
    long id,
    Instant attemptedAt,
    String userId,
    String quoteNumber,
    String messageId,
    String identity,
    String reason,
    String recipients,
    String outcome,
    String replyClass,
    int replyCode,
    String replyText,
    long durationMs) {
  /** A builder with every column unset: null, or 0 for numbers. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link AttemptRow} column by column, so no call site passes a run of values by
   * position.
   */
  public static final class Builder {
    private long id;
    private @Nullable Instant attemptedAt;
    private @Nullable String userId;
    private @Nullable String quoteNumber;
    private @Nullable String messageId;
    private @Nullable String identity;
    private @Nullable String reason;
    private @Nullable String recipients;
    private @Nullable String outcome;
    private @Nullable String replyClass;
    private int replyCode;
    private @Nullable String replyText;
    private long durationMs;

    private Builder() {}

    /** Sets {@code id}. */
    public Builder id(long value) {
      this.id = value;
      return this;
    }

    /** Sets {@code attemptedAt}. */
    public Builder attemptedAt(Instant value) {
      this.attemptedAt = value;
      return this;
    }

    /** Sets {@code userId}. */
    public Builder userId(String value) {
      this.userId = value;
      return this;
    }

    /** Sets {@code quoteNumber}. */
    public Builder quoteNumber(String value) {
      this.quoteNumber = value;
      return this;
    }

    /** Sets {@code messageId}. */
    public Builder messageId(String value) {
      this.messageId = value;
      return this;
    }

    /** Sets {@code identity}. */
    public Builder identity(String value) {
      this.identity = value;
      return this;
    }

    /** Sets {@code reason}. */
    public Builder reason(String value) {
      this.reason = value;
      return this;
    }

    /** Sets {@code recipients}. */
    public Builder recipients(String value) {
      this.recipients = value;
      return this;
    }

    /** Sets {@code outcome}. */
    public Builder outcome(String value) {
      this.outcome = value;
      return this;
    }

    /** Sets {@code replyClass}. */
    public Builder replyClass(String value) {
      this.replyClass = value;
      return this;
    }

    /** Sets {@code replyCode}. */
    public Builder replyCode(int value) {
      this.replyCode = value;
      return this;
    }

    /** Sets {@code replyText}. */
    public Builder replyText(String value) {
      this.replyText = value;
      return this;
    }

    /** Sets {@code durationMs}. */
    public Builder durationMs(long value) {
      this.durationMs = value;
      return this;
    }

    /** The row; the database refuses it if a NOT NULL column was left unset. */
    public AttemptRow build() {
      return new AttemptRow(
          id,
          attemptedAt,
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
          durationMs);
    }
  }
}
