package io.github.quotemailer.jdbc;

import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import io.github.quotemailer.testing.TinyPdfRenderer;
import java.time.Duration;

/**
 * Real mailers on a {@link JdbcStores}: the company sender ventas@inair.example on a loopback
 * GreenMail server without TLS (allowed on loopback only), the tiny test PDF renderer, and the
 * stores' settings, delivery log and outbox. Shared by the tests and {@link WorkerMain}.
 */
final class OutboxMailers {
  /** Where every test quote goes. */
  static final String CUSTOMER = "compras@hsjn.example";

  /** Retries within a test's time: 50 ms doubling to at most 500 ms, 6 attempts. */
  static final RetrySettings FAST_RETRY =
      new RetrySettings(6, Duration.ofMillis(50), Duration.ofMillis(500), 0.2, Duration.ofHours(1));

  /** Quick pickup in tests instead of the default one-second poll. */
  static final Duration POLL = Duration.ofMillis(50);

  private static final Quote SAMPLE = Quotes.sample("juan");

  private OutboxMailers() {}

  /** A mailer sending through the SMTP server on loopback {@code smtpPort}. */
  static QuoteMailer mailer(JdbcStores stores, int smtpPort, DeliveryListener listener) {
    // Default timeouts (30 s reads): on a busy test machine a short one could expire after the
    // server accepted DATA, and the retry would be a duplicate the multi-node tests count.
    SmtpServer server = SmtpServer.of("127.0.0.1", smtpPort, TransportSecurity.PLAIN);
    return QuoteMailer.builder()
        .companySender(MailerFixture.company(server))
        .keyRing(MailerFixture.KEYS)
        .renderer(new TinyPdfRenderer())
        .userSettings(stores.userSettings())
        .deliveryLog(stores.deliveryLog())
        .outbox(stores.outbox())
        .listener(listener)
        .build();
  }

  /**
   * A mailer on every store of {@code stores}, the sending ledger included (so a limit holds across
   * JVMs), whose accounts on the loopback SMTP server have the sending limit {@code limit}; the
   * company account has a generous one of its own. {@code quotaFallsBack} sends what is over the
   * limit from the company instead of deferring it.
   */
  static QuoteMailer limitedMailer(
      JdbcStores stores,
      int smtpPort,
      SendingLimit limit,
      boolean quotaFallsBack,
      DeliveryListener listener) {
    SmtpServer server = SmtpServer.of("127.0.0.1", smtpPort, TransportSecurity.PLAIN);
    FallbackPolicy.Builder policy = FallbackPolicy.builder();
    if (quotaFallsBack) {
      policy.on(SmtpReplyClass.QUOTA, FallbackAction.FALL_BACK);
    }
    return QuoteMailer.builder()
        .companySender(MailerFixture.company(server))
        .keyRing(MailerFixture.KEYS)
        .renderer(new TinyPdfRenderer())
        .stores(stores)
        .sendingLimit("127.0.0.1", limit)
        .companySendingLimit(SendingLimit.of(1000, limit.window()))
        .fallbackPolicy(policy.build())
        .listener(listener)
        .build();
  }

  /** A mailer without listener. */
  static QuoteMailer mailer(JdbcStores stores, int smtpPort) {
    return mailer(stores, smtpPort, new DeliveryListener() {});
  }

  /**
   * The sample quote for salesperson juan (no own SMTP account) to the customer, on deal {@code n}.
   */
  static QuoteEmail email(int n) {
    return QuoteEmail.of(SAMPLE, CUSTOMER).withDealId("deal-" + n);
  }
}
