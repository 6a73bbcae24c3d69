package io.github.quotemailer.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.internal.worker.ClaimedEntrySender;
import io.github.quotemailer.internal.worker.PollingWorker;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.template.EmailContent;
import io.github.quotemailer.testing.ForwardingOutbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A shutdown waits for a claim under way: a database statement blocked in a socket read cannot be
 * interrupted, and what it leases after {@code shutdown} returned would wait out the whole lease.
 */
@Timeout(120)
class WorkerShutdownTest {
  private static final int ITERATIONS = 30;
  private static final int ENTRIES = 12;

  @Test
  void nothingIsLeasedByTheOldWorkerAfterShutdownReturns() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < ITERATIONS; i++) {
      SlowClaimOutbox outbox = new SlowClaimOutbox(Duration.ofMillis(60 + random.nextInt(120)));
      for (int n = 0; n < ENTRIES; n++) {
        outbox.enqueue(message(i + "-" + n));
      }
      AtomicInteger deliveredAfterShutdown = new AtomicInteger();
      ShutdownFlag down = new ShutdownFlag();
      DeliveryWorker worker =
          PollingWorker.builder(
                  outbox,
                  (entry, lease) -> {
                    if (down.value) {
                      deliveredAfterShutdown.incrementAndGet();
                    }
                    outbox.markSent(entry.id(), lease.owner(), Instant.now());
                  },
                  Clock.systemUTC())
              .threads(2)
              .pollInterval(Duration.ofMillis(5))
              .build()
              .start();
      outbox.awaitClaims(1 + random.nextInt(3));

      worker.shutdown(Duration.ofSeconds(10));
      down.value = true;
      int claimsWhenStopped = outbox.claimsStarted();
      // On a broken shutdown the slow claim is still running here; let it end before looking.
      outbox.awaitNoClaimRunning();

      OutboxStatus status = outbox.status(Instant.now());
      assertThat(status.leased()).as("entries leased after shutdown, iteration %d", i).isZero();
      assertThat(status.count(OutboxState.SENT) + status.count(OutboxState.PENDING))
          .isEqualTo(ENTRIES);
      assertThat(outbox.claimsStarted()).as("claims after shutdown").isEqualTo(claimsWhenStopped);
      assertThat(deliveredAfterShutdown).as("sends started after shutdown").hasValue(0);
    }
  }

  @Test
  void aShutdownPastItsTimeoutStillReleasesWhatTheRunningClaimLeased() throws Exception {
    SlowClaimOutbox outbox = new SlowClaimOutbox(Duration.ofMillis(400));
    for (int n = 0; n < 4; n++) {
      outbox.enqueue(message("late-" + n));
    }
    DeliveryWorker worker =
        PollingWorker.builder(
                outbox,
                (entry, lease) -> outbox.markSent(entry.id(), lease.owner(), Instant.now()),
                Clock.systemUTC())
            .build()
            .start();
    outbox.awaitClaims(1);

    worker.shutdown(Duration.ofMillis(10));

    // The claim outlived the shutdown's timeout; when the database answers, its entries go back.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(outbox.status(Instant.now()).leased()).isZero());
    assertThat(outbox.status(Instant.now()).count(OutboxState.PENDING)).isEqualTo(4);
  }

  @Test
  void aStoppedWorkerRefusesToRunAgainInsteadOfSpinning() throws Exception {
    InMemoryOutbox outbox = new InMemoryOutbox();
    ClaimedEntrySender markSent =
        (entry, lease) -> outbox.markSent(entry.id(), lease.owner(), Instant.now());
    DeliveryWorker shutDown =
        PollingWorker.builder(outbox, markSent, Clock.systemUTC()).build().start();
    shutDown.shutdown(Duration.ofSeconds(5));
    DeliveryWorker batch = PollingWorker.builder(outbox, markSent, Clock.systemUTC()).build();
    batch.runUntilIdle();
    DeliveryWorker background =
        PollingWorker.builder(outbox, markSent, Clock.systemUTC()).build().start();

    assertThatThrownBy(shutDown::start)
        .isInstanceOf(QuoteMailerException.class)
        .hasMessageContaining("cannot start again");
    assertThatThrownBy(batch::start).isInstanceOf(QuoteMailerException.class);
    assertThatThrownBy(batch::runUntilIdle).isInstanceOf(QuoteMailerException.class);
    assertThatThrownBy(background::runUntilIdle)
        .isInstanceOf(QuoteMailerException.class)
        .hasMessageContaining("already runs in the background");
    background.shutdown(Duration.ofSeconds(5));
    shutDown.shutdown(Duration.ofSeconds(1)); // a second shutdown is harmless
  }

  private static OutboxMessage message(String key) {
    return new OutboxMessage(
        key,
        "<" + key + "@inair.example>",
        Salesperson.of("juan", "Juan Pérez", "juan@inair.example"),
        "COT-" + key,
        List.of(EmailAddress.of("compras@hsjn.example")),
        List.of(),
        new EmailContent("Cotización " + key, "Adjunto.", ""),
        new OutboxAttachment.RenderedPdf("%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII)),
        "COT.pdf",
        Instant.now());
  }

  private static final class ShutdownFlag {
    volatile boolean value;
  }

  /** An in-memory outbox whose claim answers late and ignores interrupts, like a slow database. */
  private static final class SlowClaimOutbox extends ForwardingOutbox {
    private final Duration delay;
    private final AtomicInteger started = new AtomicInteger();
    private final Object monitor = new Object();
    private int running;

    SlowClaimOutbox(Duration delay) {
      this.delay = delay;
    }

    int claimsStarted() {
      return started.get();
    }

    void awaitClaims(int count) throws InterruptedException {
      synchronized (monitor) {
        while (started.get() < count) {
          monitor.wait(1000);
        }
      }
    }

    void awaitNoClaimRunning() throws InterruptedException {
      synchronized (monitor) {
        while (running > 0) {
          monitor.wait(1000);
        }
      }
    }

    @Override
    public List<OutboxEntry> claim(String owner, Instant now, Duration lease, int limit) {
      synchronized (monitor) {
        running++;
        started.incrementAndGet();
        monitor.notifyAll();
      }
      try {
        List<OutboxEntry> claimed = super.claim(owner, now, lease, limit);
        waitUninterruptibly(delay);
        return claimed;
      } finally {
        synchronized (monitor) {
          running--;
          monitor.notifyAll();
        }
      }
    }

    private static void waitUninterruptibly(Duration delay) {
      long end = System.nanoTime() + delay.toNanos();
      boolean interrupted = false;
      while (System.nanoTime() < end) {
        try {
          TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
