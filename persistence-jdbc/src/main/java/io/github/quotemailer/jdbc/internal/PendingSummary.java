package io.github.quotemailer.jdbc.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Aggregates over the pending rows of {@code qm_outbox} at one instant.
 *
 * @param due pending rows whose time has come and that no live lease holds
 * @param leased pending rows a worker holds right now
 * @param oldestDue the earliest {@code enqueued_at} of the due rows
 * @param nextDue the earliest {@code next_attempt_at} of the rows no live lease holds
 * @param deferred rows no live lease holds that wait on a sending limit until a later time
 * @param nextDeferred the earliest {@code deferred_until} of those
 */
public record PendingSummary(
    long due,
    long leased,
    @Nullable Instant oldestDue,
    @Nullable Instant nextDue,
    long deferred,
    @Nullable Instant nextDeferred) {}
