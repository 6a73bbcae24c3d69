package io.github.quotemailer.jdbc.internal;

import java.time.Instant;

/**
 * One row of {@code qm_delivery_attempt}, column by column.
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
    long durationMs) {}
