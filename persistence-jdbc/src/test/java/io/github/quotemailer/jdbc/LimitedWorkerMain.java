package io.github.quotemailer.jdbc;

import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker node in its own JVM for the sending-limit tests: opens the stores on a database,
 * builds a mailer whose accounts on the loopback SMTP server have a sending limit (counted by the
 * stores' ledger), and runs a {@link DeliveryWorker} in the background until its standard input is
 * closed. Then it stops the worker, prints {@code worker=<owner> delivered=<n> asUser=<n>
 * asCompany=<n>} and exits 0.
 *
 * <p>Arguments: {@code <jdbcUrl> <smtpPort> <owner> <COUNT/WINDOW> <DEFER|FALL_BACK>}. Credentials
 * not in the URL come from the environment variables the tests use ({@code QM_TEST_POSTGRES_USER},
 * ...).
 */
public final class LimitedWorkerMain {
  private LimitedWorkerMain() {}

  /** Runs the node; see the class description for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: LimitedWorkerMain <jdbcUrl> <smtpPort> <owner> <COUNT/WINDOW> <DEFER|FALL_BACK>");
      System.exit(2);
    }
    String owner = args[2];
    SendingLimit limit = SendingLimit.parse("limit", args[3]);
    boolean fallsBack = "FALL_BACK".equals(args[4]);
    AtomicInteger asUser = new AtomicInteger();
    AtomicInteger asCompany = new AtomicInteger();
    DeliveryListener counting =
        new DeliveryListener() {
          @Override
          public void onDelivered(String userId, DeliveryReceipt receipt) {
            (receipt.reason() == ResolutionReason.OWN_ACCOUNT ? asUser : asCompany)
                .incrementAndGet();
          }
        };
    try (PooledDataSource pool = new PooledDataSource(ServerDatabases.dataSourceFor(args[0]), 4);
        QuoteMailer mailer =
            OutboxMailers.limitedMailer(
                warmedUp(JdbcStores.create(pool)),
                Integer.parseInt(args[1]),
                limit,
                fallsBack,
                counting);
        DeliveryWorker worker =
            mailer
                .worker()
                .threads(2)
                .owner(owner)
                .lease(Duration.ofMinutes(1))
                .pollInterval(OutboxMailers.POLL)
                .retry(OutboxMailers.FAST_RETRY)
                .build()
                .start()) {
      System.out.println("worker=" + owner + " started");
      while (System.in.read() >= 0) {
        // Runs until the test closes this JVM's standard input.
      }
      worker.shutdown(Duration.ofSeconds(30));
    }
    System.out.printf(
        "worker=%s delivered=%d asUser=%d asCompany=%d%n",
        owner, asUser.get() + asCompany.get(), asUser.get(), asCompany.get());
    System.exit(0);
  }

  /**
   * Runs each store's statements once on an identity no quote uses, so this fresh JVM is not still
   * loading classes when the race for the quotes starts.
   */
  private static JdbcStores warmedUp(JdbcStores stores) {
    EmailAddress nobody = EmailAddress.of("warm-up@node.invalid");
    Instant now = Instant.now();
    SendingLedger.Admission reserved =
        stores.sendingLedger().reserve(nobody, SendingLimit.of(1, Duration.ofSeconds(1)), now, now);
    stores.sendingLedger().pauseOf(nobody, now);
    if (reserved instanceof SendingLedger.Granted granted) {
      stores.sendingLedger().release(granted);
    }
    stores.outbox().status(now);
    stores.deliveryLog().byUser("juan", Page.first(1));
    stores.userSettings().find("juan");
    return stores;
  }
}
