package io.github.quotemailer.outbox;

/**
 * What {@link Outbox#enqueue} did.
 *
 * @param id the entry's id
 * @param messageId its Message-ID
 * @param created true for a new entry, false when the idempotency key already existed
 */
public record EnqueueResult(String id, String messageId, boolean created) {}
