package io.github.quotemailer.internal;

import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.Outbox;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.OutboxStatus;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * The host's view of an outbox store: only the {@link Outbox} methods, so the lease protocol cannot
 * be reached by casting what {@code QuoteMailer.outbox()} returns.
 */
final class HostOutbox implements Outbox {
  private final Outbox store;

  HostOutbox(Outbox store) {
    this.store = store;
  }

  @Override
  public EnqueueResult enqueue(OutboxMessage message) {
    return store.enqueue(message);
  }

  @Override
  public EnqueueResult enqueue(OutboxMessage message, Connection transaction) {
    return store.enqueue(message, transaction);
  }

  @Override
  public OutboxStatus status(Instant now) {
    return store.status(now);
  }

  @Override
  public int retryDead(Instant now) {
    return store.retryDead(now);
  }

  @Override
  public int purge(Instant cutoff) {
    return store.purge(cutoff);
  }

  @Override
  public Optional<OutboxEntry> find(String id) {
    return store.find(id);
  }
}
