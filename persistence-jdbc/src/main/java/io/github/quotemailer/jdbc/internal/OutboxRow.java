package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code qm_outbox}, column by column.
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
 * @param pdf {@code pdf}
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
    Instant updatedAt) {}
