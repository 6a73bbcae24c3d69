package io.github.quotemailer.outbox;

import io.github.quotemailer.identity.ResolutionReason;
import java.time.Instant;
import java.util.Optional;

/**
 * An outbox row as a worker sees it.
 *
 * @param id the entry's id
 * @param message the email, with its quote to render or its rendered PDF
 * @param state its state
 * @param attempts attempts started so far (counted when claimed, so a crash still counts)
 * @param nextAttemptAt when it is due
 * @param lastError the last failure, if any
 * @param fallbackReason set once the user's own account was given up for this email: later attempts
 *     go straight to the company account with this reason
 * @param sendStarted a worker was about to send DATA and did not record the outcome; if found so
 *     after a lease expired, the message may already have been delivered
 */
public record OutboxEntry(
    String id,
    OutboxMessage message,
    OutboxState state,
    int attempts,
    Instant nextAttemptAt,
    Optional<String> lastError,
    Optional<ResolutionReason> fallbackReason,
    boolean sendStarted) {}
