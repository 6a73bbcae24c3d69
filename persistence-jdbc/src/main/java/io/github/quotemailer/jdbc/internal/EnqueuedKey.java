package io.github.quotemailer.jdbc.internal;

/**
 * The entry stored under an idempotency key: what an enqueue answers with.
 *
 * @param id {@code id}
 * @param messageId {@code message_id}
 */
public record EnqueuedKey(String id, String messageId) {}
