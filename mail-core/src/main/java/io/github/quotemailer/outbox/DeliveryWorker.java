package io.github.quotemailer.outbox;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailerException;
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
import java.util.concurrent.RejectedExecutionException;
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

  /** Held while claiming, so a shutdown can wait for a claim under way. */
  private final ReentrantLock claimLock = new ReentrantLock();

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

  /**
   * Starts claiming in the background until {@link #shutdown} or {@link #close}. A worker runs
   * once: after {@code shutdown} or {@link #runUntilIdle()} build a new one with {@code
   * QuoteMailer.worker()}.
   *
   * @throws QuoteMailerException when this worker has already been stopped
   */
  public synchronized DeliveryWorker start() {
    if (running) {
      return this;
    }
    if (stopping) {
      throw new QuoteMailerException(
          "worker " + owner + " was stopped and cannot start again; build a new one");
    }
    running = true;
    coordinator = new Thread(this::loop, "quotemailer-worker-poll-" + owner);
    coordinator.setDaemon(true);
    coordinator.start();
    return this;
  }

  /**
   * Works in the calling thread until nothing is due, in flight, or leased by another worker (so a
   * crashed worker's entries are waited for and taken over when their lease expires); then stops
   * for good, like {@link #shutdown}. Returns the number of polls made.
   *
   * @throws QuoteMailerException when this worker has already been stopped, or runs in the
   *     background
   */
  public int runUntilIdle() throws InterruptedException {
    synchronized (this) {
      if (stopping || running) {
        throw new QuoteMailerException(
            "worker "
                + owner
                + (stopping ? " was stopped" : " already runs in the background")
                + "; build a new one for runUntilIdle()");
      }
    }
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
   * claimed but not yet started. Returns only once no claim of this worker is running: a claim that
   * was under way (a slow database statement cannot be interrupted) is waited for, and what it
   * leased is released, not sent. A send still running after the timeout keeps its lease: releasing
   * it while DATA may be under way could let another worker send it again.
   */
  public void shutdown(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new InvalidInputException("timeout", "must be zero or positive");
    }
    long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
    stopping = true;
    running = false;
    signal();
    boolean claimEnded = awaitClaimEnd(deadline);
    Thread poller = coordinator;
    if (poller != null && claimEnded) {
      joinQuietly(poller, deadline);
    }
    senders.shutdown();
    try {
      if (!senders.awaitTermination(remainingNanos(deadline), TimeUnit.NANOSECONDS)) {
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

  /**
   * Waits until no claim is running; no new one starts once {@code stopping} is set. Past the
   * deadline the claim is left to finish on its own: it releases what it leased when it returns.
   */
  private boolean awaitClaimEnd(long deadline) {
    try {
      if (claimLock.tryLock(remainingNanos(deadline), TimeUnit.NANOSECONDS)) {
        claimLock.unlock();
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.warn(
        "worker={} shutdown timed out while a claim was running; it releases its entries when the"
            + " database answers",
        owner);
    return false;
  }

  private static void joinQuietly(Thread thread, long deadline) {
    try {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos(deadline))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long remainingNanos(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
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
    if (permits.availablePermits() == 0) {
      // Every thread is busy: wait for one to finish (it signals) instead of claiming.
      pause();
      return 1;
    }
    List<OutboxEntry> claimed;
    claimLock.lock();
    try {
      if (stopping) {
        return 0;
      }
      claimed = outbox.claim(owner, clock.instant(), lease, permits.availablePermits());
      // The claim may have taken long (it cannot be interrupted); a shutdown may have begun.
      for (OutboxEntry entry : claimed) {
        if (stopping || !dispatch(entry)) {
          releaseAtShutdown(entry);
        }
      }
    } finally {
      claimLock.unlock();
    }
    return claimed.size();
  }

  /** Hands {@code entry} to a sending thread; false when none can take it any more. */
  private boolean dispatch(OutboxEntry entry) {
    if (!permits.tryAcquire()) {
      return false;
    }
    inFlight.add(entry.id());
    try {
      senders.execute(() -> deliverOne(entry));
      return true;
    } catch (RejectedExecutionException e) {
      inFlight.remove(entry.id());
      permits.release();
      return false;
    }
  }

  private void releaseAtShutdown(OutboxEntry entry) {
    try {
      outbox.release(entry.id(), owner);
      LOG.info("outbox entry={} released at shutdown by worker={}", entry.id(), owner);
    } catch (RuntimeException e) {
      LOG.warn(
          "outbox entry={} could not be released at shutdown ({}); it is taken over when its"
              + " lease expires",
          entry.id(),
          e.getMessage());
    }
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

  /** Waits for a signal or the poll interval; returns at once when stopping. */
  private void pause() throws InterruptedException {
    lock.lock();
    try {
      // Checked under the lock that signal() takes, so a shutdown's wake-up is never missed.
      if (!stopping) {
        wake.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  private void awaitInFlight(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!inFlight.isEmpty() && remainingNanos(deadline) > 0) {
        wake.await(
            Math.min(pollInterval.toNanos(), remainingNanos(deadline)), TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
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

    /** Sending threads of this worker, 1 to 64. */
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
      this.owner = Owners.check(owner);
      return this;
    }

    /** Builds the worker (not started). */
    public DeliveryWorker build() {
      return new DeliveryWorker(this);
    }
  }
}
