package io.github.quotemailer.internal.transport;

import io.github.quotemailer.smtp.TransportSecurity;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connected, authenticated SMTP transports kept for reuse, a bounded number per sender identity;
 * idle ones are closed after a timeout. Reuse saves the TCP, TLS and AUTH round trips of every
 * message after the first.
 */
final class TransportPool implements AutoCloseable {
  /** Who a connection is logged in as; a changed password makes a different key. */
  record Key(
      String host,
      int port,
      TransportSecurity security,
      String username,
      int secretHash,
      String envelopeFrom) {}

  private record Idle(DataAwareTransport transport, long since) {}

  private final int maxIdlePerKey;
  private final long idleTimeoutNanos;
  private final Map<Key, Deque<Idle>> idle = new HashMap<>();
  private boolean closed;

  TransportPool(int maxIdlePerKey, Duration idleTimeout) {
    this.maxIdlePerKey = maxIdlePerKey;
    this.idleTimeoutNanos = idleTimeout.toNanos();
  }

  /** A connected transport for {@code key}, if one is idle and fresh. */
  Optional<DataAwareTransport> borrow(Key key) {
    List<DataAwareTransport> stale = new ArrayList<>();
    DataAwareTransport found = null;
    synchronized (this) {
      Deque<Idle> queue = idle.get(key);
      long now = System.nanoTime();
      while (queue != null && !queue.isEmpty() && found == null) {
        Idle candidate = queue.pollFirst();
        if (now - candidate.since() < idleTimeoutNanos) {
          found = candidate.transport();
        } else {
          stale.add(candidate.transport());
        }
      }
    }
    stale.forEach(TransportPool::closeQuietly);
    return Optional.ofNullable(found);
  }

  /** Keeps {@code transport} for reuse, or closes it when the identity already has enough. */
  void giveBack(Key key, DataAwareTransport transport) {
    synchronized (this) {
      if (!closed) {
        Deque<Idle> queue = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (queue.size() < maxIdlePerKey) {
          queue.addFirst(new Idle(transport, System.nanoTime()));
          return;
        }
      }
    }
    closeQuietly(transport);
  }

  /** Closes connections idle for longer than the timeout. */
  void evictIdle() {
    List<DataAwareTransport> stale = new ArrayList<>();
    synchronized (this) {
      long now = System.nanoTime();
      for (Deque<Idle> queue : idle.values()) {
        for (Iterator<Idle> it = queue.iterator(); it.hasNext(); ) {
          Idle entry = it.next();
          if (now - entry.since() >= idleTimeoutNanos) {
            stale.add(entry.transport());
            it.remove();
          }
        }
      }
    }
    stale.forEach(TransportPool::closeQuietly);
  }

  @Override
  public void close() {
    List<DataAwareTransport> all = new ArrayList<>();
    synchronized (this) {
      closed = true;
      idle.values().forEach(queue -> queue.forEach(entry -> all.add(entry.transport())));
      idle.clear();
    }
    all.forEach(TransportPool::closeQuietly);
  }

  static void closeQuietly(DataAwareTransport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      // Closing a connection we no longer need: nothing to report.
    }
  }
}
