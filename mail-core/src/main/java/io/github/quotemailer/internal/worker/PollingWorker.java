package io.github.quotemailer.internal.worker;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxStatus;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.outbox.UnknownOutcome;
import io.github.quotemailer.outbox.spi.OutboxStore;
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
 * The {@link DeliveryWorker}: a coordinator thread claims due entries with a lease and hands each
 * to one of a fixed pool of sending threads, which runs the delivery pipeline on it.
 */
public final class PollingWorker implements DeliveryWorker {
  private static final Logger LOG = LoggerFactory.getLogger(PollingWorker.class);

  private final OutboxStore outbox;
  private final ClaimedEntrySender delivery;
  private final Clock clock;
  private final int threads;
  private final Duration lease;
  private final Duration pollInterval;
  private final Duration idleHorizon;
  private final RetrySettings retry;
  private final UnknownOutcome unknownOutcome;
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

  private PollingWorker(Builder b) {
    this.outbox = b.outbox;
    this.delivery = b.delivery;
    this.clock = b.clock;
    this.threads = b.threads;
    this.lease = b.lease;
    this.pollInterval = b.pollInterval;
    this.idleHorizon = b.idleHorizon;
    this.retry = b.retry;
    this.unknownOutcome = b.unknownOutcome;
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

  /** Starts a builder for a worker that hands each claimed entry to {@code delivery}. */
  public static Builder builder(OutboxStore outbox, ClaimedEntrySender delivery, Clock clock) {
    return new Builder(outbox, delivery, clock);
  }

  @Override
  public String owner() {
    return owner;
  }

  @Override
  public synchronized PollingWorker start() {
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

  @Override
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

  @Override
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

  @Override
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
      delivery.deliver(entry, new ClaimedEntrySender.Lease(owner, lease, retry, unknownOutcome));
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

  /** Configures a {@link PollingWorker}; every default is a constant of {@link DeliveryWorker}. */
  public static final class Builder implements DeliveryWorker.Builder {
    private final OutboxStore outbox;
    private final ClaimedEntrySender delivery;
    private final Clock clock;
    private int threads = DEFAULT_THREADS;
    private Duration lease = DEFAULT_LEASE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration idleHorizon = DEFAULT_IDLE_HORIZON;
    private RetrySettings retry = RetrySettings.defaults();
    private UnknownOutcome unknownOutcome = UnknownOutcome.RESEND_AS_POSSIBLE_DUPLICATE;
    private String owner = "worker-" + UUID.randomUUID().toString().substring(0, 8);

    private Builder(OutboxStore outbox, ClaimedEntrySender delivery, Clock clock) {
      this.outbox = outbox;
      this.delivery = delivery;
      this.clock = clock;
    }

    @Override
    public Builder threads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new ConfigurationException("threads", threads + " is outside 1-64");
      }
      this.threads = threads;
      return this;
    }

    @Override
    public Builder lease(Duration lease) {
      if (lease == null || lease.isNegative() || lease.isZero()) {
        throw new ConfigurationException("lease", "must be positive");
      }
      this.lease = lease;
      return this;
    }

    @Override
    public Builder pollInterval(Duration pollInterval) {
      if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
        throw new ConfigurationException("pollInterval", "must be positive");
      }
      this.pollInterval = pollInterval;
      return this;
    }

    @Override
    public Builder idleHorizon(Duration idleHorizon) {
      if (idleHorizon == null || idleHorizon.isNegative()) {
        throw new ConfigurationException("idleHorizon", "must be zero or positive");
      }
      this.idleHorizon = idleHorizon;
      return this;
    }

    @Override
    public Builder retry(RetrySettings retry) {
      if (retry == null) {
        throw new ConfigurationException("retry", "is required");
      }
      this.retry = retry;
      return this;
    }

    @Override
    public Builder unknownOutcome(UnknownOutcome policy) {
      if (policy == null) {
        throw new ConfigurationException("unknownOutcome", "is required");
      }
      this.unknownOutcome = policy;
      return this;
    }

    @Override
    public Builder owner(String owner) {
      if (owner == null || owner.isBlank() || owner.length() > OutboxStore.MAX_OWNER_LENGTH) {
        throw new ConfigurationException(
            "owner", "must be 1-" + OutboxStore.MAX_OWNER_LENGTH + " characters");
      }
      this.owner = owner;
      return this;
    }

    @Override
    public PollingWorker build() {
      return new PollingWorker(this);
    }
  }
}
