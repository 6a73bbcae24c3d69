package io.github.quotemailer.testing;

import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.OutboxStatus;
import io.github.quotemailer.outbox.spi.OutboxStore;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An {@link OutboxStore} that hands every call to another one (an {@link InMemoryOutbox} by
 * default): tests override the one call they want to slow down or observe.
 */
public class ForwardingOutbox implements OutboxStore {
  private final OutboxStore delegate;

  /** Forwards to a new {@link InMemoryOutbox}. */
  public ForwardingOutbox() {
    this(new InMemoryOutbox());
  }

  /** Forwards to {@code delegate}. */
  public ForwardingOutbox(OutboxStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public EnqueueResult enqueue(OutboxMessage message) {
    return delegate.enqueue(message);
  }

  @Override
  public EnqueueResult enqueue(OutboxMessage message, Connection transaction) {
    return delegate.enqueue(message, transaction);
  }

  @Override
  public List<OutboxEntry> claim(String owner, Instant now, Duration lease, int limit) {
    return delegate.claim(owner, now, lease, limit);
  }

  @Override
  public void markSendStarted(String id, String owner) {
    delegate.markSendStarted(id, owner);
  }

  @Override
  public void markSent(String id, String owner, Instant at) {
    delegate.markSent(id, owner, at);
  }

  @Override
  public void scheduleRetry(
      String id,
      String owner,
      Instant next,
      String error,
      Optional<ResolutionReason> fallbackReason) {
    delegate.scheduleRetry(id, owner, next, error, fallbackReason);
  }

  @Override
  public void defer(String id, String owner, Instant until, String note) {
    delegate.defer(id, owner, until, note);
  }

  @Override
  public void deadLetter(String id, String owner, String error) {
    delegate.deadLetter(id, owner, error);
  }

  @Override
  public void markOutcomeUnknown(String id, String owner, String note) {
    delegate.markOutcomeUnknown(id, owner, note);
  }

  @Override
  public void release(String id, String owner) {
    delegate.release(id, owner);
  }

  @Override
  public OutboxStatus status(Instant now) {
    return delegate.status(now);
  }

  @Override
  public int retryDead(Instant now) {
    return delegate.retryDead(now);
  }

  @Override
  public int purge(Instant cutoff) {
    return delegate.purge(cutoff);
  }

  @Override
  public Optional<OutboxEntry> find(String id) {
    return delegate.find(id);
  }
}
