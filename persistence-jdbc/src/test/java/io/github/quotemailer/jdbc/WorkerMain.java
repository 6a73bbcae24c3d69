package io.github.quotemailer.jdbc;

import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.outbox.DeliveryWorker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker node in its own JVM, for the multi-process tests: opens the stores on a database,
 * builds the real mailer and runs a {@link DeliveryWorker} until the outbox is idle, then prints
 * {@code worker=<owner> delivered=<n>} and exits 0.
 *
 * <p>Arguments: {@code <jdbcUrl> <smtpPort> <threads> <owner> <leaseMillis>}. Credentials not in
 * the URL come from the environment variables the tests use ({@code QM_TEST_POSTGRES_USER}, ...).
 */
public final class WorkerMain {
  private WorkerMain() {}

  /** Runs the node; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: WorkerMain <jdbcUrl> <smtpPort> <threads> <owner> <leaseMillis>");
      System.exit(2);
    }
    String url = args[0];
    int smtpPort = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    String owner = args[3];
    Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
    AtomicInteger delivered = new AtomicInteger();
    DeliveryListener counting =
        new DeliveryListener() {
          @Override
          public void onDelivered(String userId, DeliveryReceipt receipt) {
            delivered.incrementAndGet();
          }
        };
    try (PooledDataSource pool =
            new PooledDataSource(ServerDatabases.dataSourceFor(url), threads + 2);
        QuoteMailer mailer = OutboxMailers.mailer(JdbcStores.create(pool), smtpPort, counting)) {
      System.out.println("worker=" + owner + " started");
      try (DeliveryWorker worker =
          mailer
              .worker()
              .threads(threads)
              .owner(owner)
              .lease(lease)
              .pollInterval(OutboxMailers.POLL)
              .retry(OutboxMailers.FAST_RETRY)
              .build()) {
        worker.runUntilIdle();
      }
    }
    System.out.println("worker=" + owner + " delivered=" + delivered.get());
    System.exit(0);
  }
}
