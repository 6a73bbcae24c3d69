package io.github.quotemailer.examples;

import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The README's storage snippets (the regions between the tag comments), kept here so the build
 * proves they compile and {@code StoreInYourDatabaseTest} runs them: settings, delivery log and
 * outbox in the host's database, quotes enqueued in the host's own transaction, one worker.
 */
public final class StoreInYourDatabase implements AutoCloseable {
  private final DataSource dataSource;
  private final QuoteMailer mailer;
  private final DeliveryWorker worker;

  /** Wires the mailer to {@code dataSource} and starts a worker, as an application start would. */
  public StoreInYourDatabase(DataSource dataSource, CompanySender company, KeyRing keys) {
    this.dataSource = dataSource;
    // tag::storage[]
    JdbcStores stores = JdbcStores.create(dataSource); // dialect detected from JDBC metadata
    stores.migrate(); // Flyway, own history table qm_schema_history
    QuoteMailer mailer =
        QuoteMailer.builder()
            .stores(stores) // settings, delivery log and outbox: all three in your database
            .companySender(company)
            .keyRing(keys)
            .renderer(OpenPdfQuoteRenderer.create())
            .build();
    DeliveryWorker worker = mailer.worker().threads(2).build().start(); // drains the outbox
    // end::storage[]
    this.mailer = mailer;
    this.worker = worker;
  }

  /** An admin sets a salesperson's own mailbox; the password is encrypted on the way in. */
  public UserSmtpSettings connectMailbox(String userId, String address, String name, Secret pw) {
    // tag::settings[]
    UserSmtpSettings saved =
        mailer
            .userSettings()
            .save(UserSmtpSettings.draft(userId, EmailAddress.of(address), name), pw);
    mailer.verify(saved); // a real login, nothing sent: VERIFIED or REJECTED
    // end::settings[]
    return mailer.userSettings().find(userId).orElseThrow();
  }

  /** Moves a deal to "Quote Sent" and enqueues its quote, both or neither. */
  public EnqueueResult moveToQuoteSent(String dealId, Quote quote, String customerEmail)
      throws SQLException {
    // tag::enqueue[]
    try (Connection tx = dataSource.getConnection()) { // the host's own transaction
      tx.setAutoCommit(false);
      moveDealToQuoteSent(tx, dealId);
      EnqueueResult queued =
          mailer.enqueue(QuoteEmail.of(quote, customerEmail).withDealId(dealId), tx);
      tx.commit(); // rolled back instead: nothing is sent
      return queued;
    }
    // end::enqueue[]
  }

  /** The mailer, for inspection. */
  public QuoteMailer mailer() {
    return mailer;
  }

  private static void moveDealToQuoteSent(Connection tx, String dealId) throws SQLException {
    try (PreparedStatement move =
        tx.prepareStatement("update deals set stage = 'QUOTE_SENT' where id = ?")) {
      move.setString(1, dealId);
      if (move.executeUpdate() != 1) {
        throw new SQLException("no deal " + dealId);
      }
    }
  }

  /** At application stop: the worker first, then the mailer, then (the host's) the pool. */
  @Override
  public void close() {
    // tag::stop[]
    worker.shutdown(Duration.ofSeconds(30)); // waits for sends in flight, releases the rest
    mailer.close();
    // end::stop[]
  }
}
