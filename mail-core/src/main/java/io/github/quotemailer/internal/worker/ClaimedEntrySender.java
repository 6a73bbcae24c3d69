package io.github.quotemailer.internal.worker;

import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.outbox.UnknownOutcome;
import java.time.Duration;

/** What a worker does with one claimed entry: send it and record the outcome in the outbox. */
@FunctionalInterface
public interface ClaimedEntrySender {
  /** Delivers {@code entry}, held under {@code lease}; records every outcome, never throws one. */
  void deliver(OutboxEntry entry, Lease lease);

  /**
   * The worker's terms for one claimed entry.
   *
   * @param owner the worker holding the lease
   * @param length how long a claim holds an entry; a send reserved under a sending limit stops
   *     counting after as long, should the worker die before releasing it
   * @param retry the retry schedule
   * @param unknownOutcome what to do when the server may have the message
   */
  record Lease(String owner, Duration length, RetrySettings retry, UnknownOutcome unknownOutcome) {}
}
