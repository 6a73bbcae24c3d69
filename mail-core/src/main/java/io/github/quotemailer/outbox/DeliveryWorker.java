package io.github.quotemailer.outbox;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.internal.QueuedDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims due entries with a lease, sends each on one of its threads following
 * the fallback table, and records the outcome. Several workers (threads, processes, machines) may
 * share one outbox. Obtain one from {@code QuoteMailer.worker()}.
 */
public final class DeliveryWorker implements AutoCloseable {
  /** Two threads: enough to keep one SMTP conversation going while another waits on a reply. */
  public static final int DEFAULT_THREADS = 2;

  /** Five minutes: far longer than one attempt (timeouts are at most 30 s per step). */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

  /**
   * Five minutes: {@link #runUntilIdle()} still waits for retries due within this horizon, so a
   * short outage does not end the run with mail still queued.
   */
  public static final Duration DEFAULT_IDLE_HORIZON = Duration.ofMinutes(5);

  /** One second between polls of an empty outbox: quick pickup, negligible load. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  private final Outbox outbox;
  private final QueuedDelivery delivery;
  private final Clock clock;
  private final int threads;
  private final Duration lease;
  private final Duration pollInterval;
  private final Duration idleHorizon;
  private final RetrySettings retry;
  private final boolean parkUnknownOutcome;
  private final String owner;

  private final Semaphore permits;
  private final ExecutorService senders;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private volatile boolean running;
  private volatile boolean stopping;
  private Thread coordinator;

  private DeliveryWorker(Builder b) {
    this.outbox = b.outbox;
    this.delivery = b.delivery;
    this.clock = b.clock;
    this.threads = b.threads;
    this.lease = b.lease;
    this.pollInterval = b.pollInterval;
    this.idleHorizon = b.idleHorizon;
    this.retry = b.retry;
    this.parkUnknownOutcome = b.parkUnknownOutcome;
    this.owner = b.owner;
    this.permits = new Semaphore(threads);
    this.senders =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "quotemailer-worker-" + owner);
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts a builder; used by {@code QuoteMailer.worker()}. */
  public static Builder builder(Outbox outbox, QueuedDelivery delivery, Clock clock) {
    return new Builder(outbox, delivery, clock);
  }

  /** This worker's lease owner id. */
  public String owner() {
    return owner;
  }

  /** Starts claiming in the background until {@link #shutdown} or {@link #close}. */
  public synchronized DeliveryWorker start() {
    if (running) {
      return this;
    }
    running = true;
    coordinator = new Thread(this::loop, "quotemailer-worker-poll-" + owner);
    coordinator.setDaemon(true);
    coordinator.start();
    return this;
  }

  /**
   * Works in the calling thread until nothing is due, in flight, or leased by another worker (so a
   * crashed worker's entries are waited for and taken over when their lease expires); then stops.
   * Returns the number of polls made.
   */
  public int runUntilIdle() throws InterruptedException {
    int polls = 0;
    while (!stopping) {
      polls++;
      int claimed = claimAndDispatch();
      if (claimed == 0 && inFlight.isEmpty() && idle()) {
        break;
      }
      if (claimed == 0) {
        pause();
      }
    }
    awaitInFlight(Duration.ofMinutes(2));
    // A worker runs once: its threads end with the run, so a scheduled job leaks nothing.
    stopping = true;
    senders.shutdown();
    return polls;
  }

  /**
   * Stops claiming, waits up to {@code timeout} for sends in flight, and releases entries that were
   * claimed but not yet started. A send still running after the timeout keeps its lease: releasing
   * it while DATA may be under way could let another worker send it again.
   */
  public void shutdown(Duration timeout) {
    stopping = true;
    running = false;
    signal();
    Thread poller = coordinator;
    if (poller != null) {
      poller.interrupt();
    }
    senders.shutdown();
    try {
      if (!senders.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      senders.shutdownNow();
      Thread.currentThread().interrupt();
    }
    for (String id : Set.copyOf(inFlight)) {
      if (started.contains(id)) {
        LOG.warn("outbox entry={} still sending at shutdown; left to its lease", id);
        continue;
      }
      outbox.release(id, owner);
      inFlight.remove(id);
      LOG.info("outbox entry={} released at shutdown by worker={}", id, owner);
    }
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(30));
  }

  /** Wakes the poller, e.g. right after an enqueue, instead of waiting for the next poll. */
  public void signal() {
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (running) {
      try {
        if (claimAndDispatch() == 0) {
          pause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A database hiccup must not kill the worker; the next poll tries again.
        LOG.error("worker={} poll failed: {}", owner, e.getMessage(), e);
        try {
          pause();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private int claimAndDispatch() throws InterruptedException {
    int free = permits.availablePermits();
    if (free == 0 || stopping) {
      permits.acquire();
      permits.release();
      return 1;
    }
    List<OutboxEntry> claimed = outbox.claim(owner, clock.instant(), lease, free);
    for (int i = 0; i < claimed.size(); i++) {
      OutboxEntry entry = claimed.get(i);
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        // Shutting down: hand back what this poll claimed but will not send.
        claimed.subList(i, claimed.size()).forEach(rest -> outbox.release(rest.id(), owner));
        throw e;
      }
      inFlight.add(entry.id());
      senders.execute(() -> deliverOne(entry));
    }
    return claimed.size();
  }

  private void deliverOne(OutboxEntry entry) {
    started.add(entry.id());
    try {
      delivery.deliver(entry, owner, retry, parkUnknownOutcome);
    } catch (RuntimeException e) {
      // Leave the lease to expire: another attempt will be made then, by this or another worker.
      LOG.error("outbox entry={} delivery failed unexpectedly: {}", entry.id(), e.getMessage(), e);
    } finally {
      inFlight.remove(entry.id());
      started.remove(entry.id());
      permits.release();
      signal();
    }
  }

  private boolean idle() {
    Instant now = clock.instant();
    OutboxStatus status = outbox.status(now);
    boolean retrySoon = status.nextDue().filter(t -> !t.isAfter(now.plus(idleHorizon))).isPresent();
    return status.due() == 0 && status.leased() == 0 && !retrySoon;
  }

  private void pause() throws InterruptedException {
    lock.lock();
    try {
      wake.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      lock.unlock();
    }
  }

  private void awaitInFlight(Duration timeout) throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    while (!inFlight.isEmpty() && clock.instant().isBefore(deadline)) {
      pause();
    }
  }

  /** Configures a {@link DeliveryWorker}; every default is a constant above. */
  public static final class Builder {
    private final Outbox outbox;
    private final QueuedDelivery delivery;
    private final Clock clock;
    private int threads = DEFAULT_THREADS;
    private Duration lease = DEFAULT_LEASE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration idleHorizon = DEFAULT_IDLE_HORIZON;
    private RetrySettings retry = RetrySettings.defaults();
    private boolean parkUnknownOutcome;
    private String owner = "worker-" + UUID.randomUUID().toString().substring(0, 8);

    private Builder(Outbox outbox, QueuedDelivery delivery, Clock clock) {
      this.outbox = outbox;
      this.delivery = delivery;
      this.clock = clock;
    }

    /** Sending threads of this worker (at least 1). */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new InvalidInputException("threads", threads + " is outside 1-64");
      }
      this.threads = threads;
      return this;
    }

    /** How long a claim holds an entry before another worker may take it over. */
    public Builder lease(Duration lease) {
      if (lease == null || lease.isNegative() || lease.isZero()) {
        throw new InvalidInputException("lease", "must be positive");
      }
      this.lease = lease;
      return this;
    }

    /** How often an empty outbox is polled. */
    public Builder pollInterval(Duration pollInterval) {
      if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
        throw new InvalidInputException("pollInterval", "must be positive");
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /** How far ahead {@link DeliveryWorker#runUntilIdle()} waits for scheduled retries. */
    public Builder idleHorizon(Duration idleHorizon) {
      if (idleHorizon == null || idleHorizon.isNegative()) {
        throw new InvalidInputException("idleHorizon", "must be zero or positive");
      }
      this.idleHorizon = idleHorizon;
      return this;
    }

    /** Retry and dead-letter settings. */
    public Builder retry(RetrySettings retry) {
      this.retry = retry;
      return this;
    }

    /**
     * Park entries whose DATA command was under way at a crash as {@link
     * OutboxState#OUTCOME_UNKNOWN} instead of resending them (default: resend, logged as a possible
     * duplicate).
     */
    public Builder parkUnknownOutcome(boolean park) {
      this.parkUnknownOutcome = park;
      return this;
    }

    /** The lease owner id (default: a random one). */
    public Builder owner(String owner) {
      if (owner == null || owner.isBlank() || owner.length() > 100) {
        throw new InvalidInputException("owner", "must be 1-100 characters");
      }
      this.owner = owner;
      return this;
    }

    /** Builds the worker (not started). */
    public DeliveryWorker build() {
      return new DeliveryWorker(this);
    }
  }
}
