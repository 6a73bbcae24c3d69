package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code qm_outbox}, column by column.
 *
 * <p>Built with {@link #builder()}, one column at a time, by name.
 *
 * @param id {@code id}, a random UUID
 * @param idempotencyKey {@code idempotency_key}, unique
 * @param messageId {@code message_id}
 * @param userId {@code user_id}, the salesperson's host user id
 * @param salespersonName {@code salesperson_name}
 * @param salespersonEmail {@code salesperson_email}
 * @param salespersonPhone {@code salesperson_phone}
 * @param quoteNumber {@code quote_number}
 * @param toRecipients {@code to_recipients}, comma-joined addresses
 * @param ccRecipients {@code cc_recipients}, comma-joined addresses (empty for none)
 * @param subject {@code subject}
 * @param bodyText {@code body_text}
 * @param bodyHtml {@code body_html}
 * @param pdf {@code pdf}; empty when the row holds a quote snapshot
 * @param quoteSnapshot {@code quote_snapshot}: the quote to render when sent, as versioned JSON;
 *     null for a row queued with its PDF
 * @param pdfFileName {@code pdf_file_name}
 * @param enqueuedAt {@code enqueued_at}
 * @param state {@code state}, an {@code OutboxState} name
 * @param attempts {@code attempts}
 * @param nextAttemptAt {@code next_attempt_at}
 * @param lastError {@code last_error}
 * @param fallbackReason {@code fallback_reason}, a {@code ResolutionReason} name
 * @param sendStarted {@code send_started}
 * @param leaseOwner {@code lease_owner}
 * @param leaseUntil {@code lease_until}
 * @param sentAt {@code sent_at}
 * @param updatedAt {@code updated_at}
 */
public record OutboxRow(
    String id,
    String idempotencyKey,
    String messageId,
    String userId,
    String salespersonName,
    String salespersonEmail,
    @Nullable String salespersonPhone,
    String quoteNumber,
    String toRecipients,
    String ccRecipients,
    String subject,
    String bodyText,
    String bodyHtml,
    byte[] pdf,
    @Nullable String quoteSnapshot,
    String pdfFileName,
    Instant enqueuedAt,
    String state,
    int attempts,
    Instant nextAttemptAt,
    @Nullable String lastError,
    @Nullable String fallbackReason,
    boolean sendStarted,
    @Nullable String leaseOwner,
    @Nullable Instant leaseUntil,
    @Nullable Instant sentAt,
    Instant updatedAt) {
  /** A builder with every column unset: null, or false and 0 for flags and counts. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link OutboxRow} column by column, so no call site passes a run of values by
   * position.
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String idempotencyKey;
    private @Nullable String messageId;
    private @Nullable String userId;
    private @Nullable String salespersonName;
    private @Nullable String salespersonEmail;
    private @Nullable String salespersonPhone;
    private @Nullable String quoteNumber;
    private @Nullable String toRecipients;
    private @Nullable String ccRecipients;
    private @Nullable String subject;
    private @Nullable String bodyText;
    private @Nullable String bodyHtml;
    private byte @Nullable [] pdf;
    private @Nullable String quoteSnapshot;
    private @Nullable String pdfFileName;
    private @Nullable Instant enqueuedAt;
    private @Nullable String state;
    private int attempts;
    private @Nullable Instant nextAttemptAt;
    private @Nullable String lastError;
    private @Nullable String fallbackReason;
    private boolean sendStarted;
    private @Nullable String leaseOwner;
    private @Nullable Instant leaseUntil;
    private @Nullable Instant sentAt;
    private @Nullable Instant updatedAt;

    private Builder() {}

    /** Sets {@code id}. */
    public Builder id(String value) {
      this.id = value;
      return this;
    }

    /** Sets {@code idempotencyKey}. */
    public Builder idempotencyKey(String value) {
      this.idempotencyKey = value;
      return this;
    }

    /** Sets {@code messageId}. */
    public Builder messageId(String value) {
      this.messageId = value;
      return this;
    }

    /** Sets {@code userId}. */
    public Builder userId(String value) {
      this.userId = value;
      return this;
    }

    /** Sets {@code salespersonName}. */
    public Builder salespersonName(String value) {
      this.salespersonName = value;
      return this;
    }

    /** Sets {@code salespersonEmail}. */
    public Builder salespersonEmail(String value) {
      this.salespersonEmail = value;
      return this;
    }

    /** Sets {@code salespersonPhone}. */
    public Builder salespersonPhone(@Nullable String value) {
      this.salespersonPhone = value;
      return this;
    }

    /** Sets {@code quoteNumber}. */
    public Builder quoteNumber(String value) {
      this.quoteNumber = value;
      return this;
    }

    /** Sets {@code toRecipients}. */
    public Builder toRecipients(String value) {
      this.toRecipients = value;
      return this;
    }

    /** Sets {@code ccRecipients}. */
    public Builder ccRecipients(String value) {
      this.ccRecipients = value;
      return this;
    }

    /** Sets {@code subject}. */
    public Builder subject(String value) {
      this.subject = value;
      return this;
    }

    /** Sets {@code bodyText}. */
    public Builder bodyText(String value) {
      this.bodyText = value;
      return this;
    }

    /** Sets {@code bodyHtml}. */
    public Builder bodyHtml(String value) {
      this.bodyHtml = value;
      return this;
    }

    /** Sets {@code pdf}. */
    public Builder pdf(byte[] value) {
      this.pdf = value;
      return this;
    }

    /** Sets {@code quoteSnapshot}. */
    public Builder quoteSnapshot(@Nullable String value) {
      this.quoteSnapshot = value;
      return this;
    }

    /** Sets {@code pdfFileName}. */
    public Builder pdfFileName(String value) {
      this.pdfFileName = value;
      return this;
    }

    /** Sets {@code enqueuedAt}. */
    public Builder enqueuedAt(Instant value) {
      this.enqueuedAt = value;
      return this;
    }

    /** Sets {@code state}. */
    public Builder state(String value) {
      this.state = value;
      return this;
    }

    /** Sets {@code attempts}. */
    public Builder attempts(int value) {
      this.attempts = value;
      return this;
    }

    /** Sets {@code nextAttemptAt}. */
    public Builder nextAttemptAt(Instant value) {
      this.nextAttemptAt = value;
      return this;
    }

    /** Sets {@code lastError}. */
    public Builder lastError(@Nullable String value) {
      this.lastError = value;
      return this;
    }

    /** Sets {@code fallbackReason}. */
    public Builder fallbackReason(@Nullable String value) {
      this.fallbackReason = value;
      return this;
    }

    /** Sets {@code sendStarted}. */
    public Builder sendStarted(boolean value) {
      this.sendStarted = value;
      return this;
    }

    /** Sets {@code leaseOwner}. */
    public Builder leaseOwner(@Nullable String value) {
      this.leaseOwner = value;
      return this;
    }

    /** Sets {@code leaseUntil}. */
    public Builder leaseUntil(@Nullable Instant value) {
      this.leaseUntil = value;
      return this;
    }

    /** Sets {@code sentAt}. */
    public Builder sentAt(@Nullable Instant value) {
      this.sentAt = value;
      return this;
    }

    /** Sets {@code updatedAt}. */
    public Builder updatedAt(Instant value) {
      this.updatedAt = value;
      return this;
    }

    /** The row; the database refuses it if a NOT NULL column was left unset. */
    public OutboxRow build() {
      return new OutboxRow(
          id,
          idempotencyKey,
          messageId,
          userId,
          salespersonName,
          salespersonEmail,
          salespersonPhone,
          quoteNumber,
          toRecipients,
          ccRecipients,
          subject,
          bodyText,
          bodyHtml,
          pdf,
          quoteSnapshot,
          pdfFileName,
          enqueuedAt,
          state,
          attempts,
          nextAttemptAt,
          lastError,
          fallbackReason,
          sendStarted,
          leaseOwner,
          leaseUntil,
          sentAt,
          updatedAt);
    }
  }
}
