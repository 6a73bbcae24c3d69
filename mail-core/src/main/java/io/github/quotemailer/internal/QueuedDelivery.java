package io.github.quotemailer.internal;

import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.RetrySettings;

/** What a worker does with one claimed entry: send it and record the outcome in the outbox. */
public interface QueuedDelivery {
  /** Delivers {@code entry}, leased to {@code owner}, following the fallback table. */
  void deliver(OutboxEntry entry, String owner, RetrySettings retry, boolean parkUnknownOutcome);
}
