package io.github.quotemailer.internal.worker;

import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.outbox.UnknownOutcome;

/** What a worker does with one claimed entry: send it and record the outcome in the outbox. */
@FunctionalInterface
public interface ClaimedEntrySender {
  /** Delivers {@code entry}, held under {@code lease}; records every outcome, never throws one. */
  void deliver(OutboxEntry entry, Lease lease);

  /** The worker's terms for one claimed entry. */
  record Lease(String owner, RetrySettings retry, UnknownOutcome unknownOutcome) {}
}
