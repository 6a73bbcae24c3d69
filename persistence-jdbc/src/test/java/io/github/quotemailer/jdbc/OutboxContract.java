package io.github.quotemailer.jdbc;

import static io.github.quotemailer.contract.StoreSamples.T0;
import static io.github.quotemailer.contract.StoreSamples.message;
import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.contract.OutboxStoreContract;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.jdbc.internal.JdbiOutbox;
import io.github.quotemailer.jdbc.internal.dialect.Dialects;
import io.github.quotemailer.jdbc.internal.dialect.InstantCodec;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.OutboxAttachment;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.template.EmailContent;
import io.github.quotemailer.testing.LoopbackMail;
import io.github.quotemailer.testing.Quotes;
import io.github.quotemailer.testing.TinyPdfRenderer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@link JdbcStores#outbox()} promises on every database: {@link
 * io.github.quotemailer.outbox.InMemoryOutbox}'s semantics, shared between instances, joined to
 * host transactions, and drained by the real {@link DeliveryWorker} into a GreenMail server. Each
 * subclass runs it against one database; each test gets a fresh, migrated database of its own. What
 * every outbox promises, the in-memory one included, comes from {@link OutboxStoreContract}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class OutboxContract implements OutboxStoreContract {

  @RegisterExtension
  static GreenMailExtension greenMail = LoopbackMail.smtp(Map.of(COMPANY, COMPANY_PASSWORD));

  private TestDatabase database;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  FaultyDataSource dataSource;
  JdbcStores stores;
  OutboxStore outbox;

  /** A fresh, empty database (or schema) for one test. */
  abstract TestDatabase openDatabase() throws Exception;

  @BeforeEach
  void openStores() throws Exception {
    database = openDatabase();
    dataSource = new FaultyDataSource(database.newDataSource());
    stores = JdbcStores.create(dataSource);
    stores.migrate();
    outbox = stores.outbox();
    Tables.execute(
        database.newDataSource(),
        "create table deals (id integer primary key, stage varchar(40) not null)");
  }

  @AfterEach
  void dropDatabase() throws Exception {
    Collections.reverse(toClose);
    for (AutoCloseable c : toClose) {
      c.close();
    }
    database.drop();
  }

  // --- enqueue ----------------------------------------------------------------------------

  @Test
  void twoInstancesEnqueueingOneKeyAtTheSameMomentGetTheSameEntry() throws Exception {
    OutboxStore a = JdbcStores.create(database.newDataSource()).outbox();
    OutboxStore b = JdbcStores.create(database.newDataSource()).outbox();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int k = 0; k < 20; k++) {
        String key = "race-" + k;
        CyclicBarrier together = new CyclicBarrier(2);
        Future<EnqueueResult> fromA =
            threads.submit(
                () -> {
                  together.await();
                  return a.enqueue(message(key, "<" + key + ".a@inair.example>", T0));
                });
        Future<EnqueueResult> fromB =
            threads.submit(
                () -> {
                  together.await();
                  return b.enqueue(message(key, "<" + key + ".b@inair.example>", T0));
                });
        EnqueueResult ra = fromA.get(30, TimeUnit.SECONDS);
        EnqueueResult rb = fromB.get(30, TimeUnit.SECONDS);

        assertThat(List.of(ra.created(), rb.created()))
            .as(key)
            .containsExactlyInAnyOrder(true, false);
        assertThat(ra.id()).as(key).isEqualTo(rb.id());
        assertThat(ra.messageId()).as(key).isEqualTo(rb.messageId());
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(outbox.status(T0).count(OutboxState.PENDING)).isEqualTo(20);
  }

  // --- host transactions ------------------------------------------------------------------

  @Test
  void aRolledBackHostTransactionLeavesNoEntryAndTheWorkerSendsNothing() throws Exception {
    QuoteMailer mailer = mailer();
    EnqueueResult result;
    try (Connection host = database.newDataSource().getConnection()) {
      host.setAutoCommit(false);
      moveDeal(host, 1);
      result = mailer.enqueue(OutboxMailers.email(1), host);
      assertThat(result.created()).isTrue();
      host.rollback();
    }

    assertThat(outbox.find(result.id())).isEmpty();
    assertThat(outbox.status(Instant.now()).countsByState()).isEmpty();
    assertThat(dealStages()).isEmpty();
    worker(mailer).runUntilIdle();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aCommittedHostTransactionIsDeliveredByTheWorkerWithItsPdf() throws Exception {
    QuoteMailer mailer = mailer();
    EnqueueResult result;
    try (Connection host = database.newDataSource().getConnection()) {
      host.setAutoCommit(false);
      moveDeal(host, 2);
      result = mailer.enqueue(OutboxMailers.email(2), host);
      host.commit();
      assertThat(host.isClosed()).as("the host's connection stays open").isFalse();
    }

    worker(mailer).runUntilIdle();

    MimeMessage received = onlyReceivedMessage();
    assertThat(received.getMessageID()).isEqualTo(result.messageId());
    // The tiny test PDF is all ASCII, so it travels 7bit and SMTP turns its LFs into CRLFs; a real
    // (binary) PDF goes base64 and arrives byte for byte.
    String pdf = new String(new TinyPdfRenderer().render(Quotes.sample("juan")), US_ASCII);
    assertThat(new String(attachment(received), US_ASCII).replace("\r\n", "\n")).isEqualTo(pdf);
    OutboxEntry entry = outbox.find(result.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.SENT);
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(stores.deliveryLog().byQuote("COT-2025-0142", Page.first(10)))
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.messageId()).isEqualTo(result.messageId());
              assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.SENT);
              assertThat(attempt.reason()).isEqualTo(ResolutionReason.NOT_CONFIGURED);
            });
    assertThat(dealStages()).containsExactly("Quote Sent");
  }

  @Test
  void aQueuedQuoteIsStoredAsAFewKilobytesOfJsonAndRenderedByTheWorker() throws Exception {
    QuoteMailer mailer = mailer();
    EnqueueResult result = mailer.enqueue(OutboxMailers.email(3));

    Map<String, String> row =
        Tables.rows(database.newDataSource(), "qm_outbox").stream()
            .filter(r -> r.get("id").equals(result.id()))
            .findFirst()
            .orElseThrow();
    assertThat(row.get("quote_snapshot"))
        .startsWith("{\"snapshotVersion\":1,")
        .contains("\"locale\":\"es-MX\"", "\"quote\":{")
        .hasSizeLessThan(8 * 1024);
    assertThat(outbox.find(result.id()).orElseThrow().message().attachment())
        .isEqualTo(new OutboxAttachment.QuoteSnapshot(Quotes.sample("juan")));

    worker(mailer).runUntilIdle();

    String pdf = new String(new TinyPdfRenderer().render(Quotes.sample("juan")), US_ASCII);
    assertThat(new String(attachment(onlyReceivedMessage()), US_ASCII).replace("\r\n", "\n"))
        .isEqualTo(pdf);
  }

  @Test
  void aSnapshotThatCannotBeReadIsDeadLetteredAndTheRestOfTheBatchIsClaimed() throws Exception {
    QuoteMailer mailer = mailer();
    EnqueueResult good = mailer.enqueue(OutboxMailers.email(4));
    EnqueueResult bad = mailer.enqueue(OutboxMailers.email(5));
    // As a later version might have written it.
    Tables.update(
        database.newDataSource(),
        "update qm_outbox set quote_snapshot = ? where id = ?",
        "{\"snapshotVersion\":99,\"quote\":{}}",
        bad.id());

    List<OutboxEntry> claimed = outbox.claim("node-a", Instant.now().plusSeconds(1), LEASE, 10);

    assertThat(claimed).extracting(OutboxEntry::id).containsExactly(good.id());
    assertThatThrownBy(() -> outbox.find(bad.id()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("snapshotVersion 99");
    Map<String, String> row =
        Tables.rows(database.newDataSource(), "qm_outbox").stream()
            .filter(r -> r.get("id").equals(bad.id()))
            .findFirst()
            .orElseThrow();
    assertThat(row.get("state")).isEqualTo("DEAD");
    assertThat(row.get("last_error")).contains("snapshotVersion 99");
  }

  @Test
  void anEntryQueuedWithItsPdfIsSentAsItIs() throws Exception {
    QuoteMailer mailer = mailer();
    byte[] pdf = "%PDF-1.4 rendered before it was queued".getBytes(US_ASCII);
    OutboxMessage message =
        OutboxMessage.builder()
            .idempotencyKey("rendered-1")
            .messageId("<rendered-1@inair.example>")
            .salesperson(Quotes.sample("juan").salesperson())
            .quoteNumber("COT-2025-0142")
            .to(List.of(EmailAddress.of(OutboxMailers.CUSTOMER)))
            .content(new EmailContent("Cotización", "Adjunto.", ""))
            .pdf(pdf)
            .pdfFileName("COT-2025-0142.pdf")
            .enqueuedAt(Instant.now())
            .build();
    mailer.outbox().enqueue(message);

    worker(mailer).runUntilIdle();

    assertThat(new String(attachment(onlyReceivedMessage()), US_ASCII))
        .isEqualTo(new String(pdf, US_ASCII));
  }

  @Test
  void aDuplicateKeyInsideAHostTransactionLeavesThatTransactionUsable() throws Exception {
    QuoteMailer mailer = mailer();
    EnqueueResult first = mailer.enqueue(OutboxMailers.email(3));

    try (Connection host = database.newDataSource().getConnection()) {
      host.setAutoCommit(false);
      EnqueueResult again = mailer.enqueue(OutboxMailers.email(3), host);
      assertThat(again.created()).isFalse();
      assertThat(again.id()).isEqualTo(first.id());
      assertThat(again.messageId()).isEqualTo(first.messageId());
      // On PostgreSQL a failed INSERT would have aborted the transaction: this would then fail.
      moveDeal(host, 3);
      host.commit();
    }

    assertThat(dealStages()).containsExactly("Quote Sent");
    assertThat(outbox.status(Instant.now()).count(OutboxState.PENDING)).isEqualTo(1);
  }

  @Test
  void enqueueInAHostsJdbiHandleCommitsAndRollsBackWithTheHostsTransaction() {
    // The host's own Jdbi, configured its own way: no SqlObject, none of the library's mappers.
    Jdbi host = Jdbi.create(database.newDataSource());

    EnqueueResult kept =
        host.inTransaction(
            handle -> {
              handle.execute("insert into deals (id, stage) values (4, 'Quote Sent')");
              return stores.enqueueIn(handle, message("handle-commit", "<kept@inair.example>", T0));
            });
    assertThatThrownBy(
            () ->
                host.useTransaction(
                    handle -> {
                      handle.execute("insert into deals (id, stage) values (5, 'Quote Sent')");
                      stores.enqueueIn(
                          handle, message("handle-rollback", "<gone@inair.example>", T0));
                      throw new IllegalStateException("the deal transition failed");
                    }))
        .hasMessage("the deal transition failed");

    assertThat(kept.created()).isTrue();
    assertThat(outbox.find(kept.id())).isPresent();
    assertThat(outbox.status(T0).count(OutboxState.PENDING)).isEqualTo(1);
    List<Integer> deals =
        host.withHandle(h -> h.createQuery("select id from deals").mapTo(Integer.class).list());
    assertThat(deals).containsExactly(4);
  }

  // --- claims and leases ------------------------------------------------------------------

  @Test
  void anErrorLongerThanItsColumnIsCutRatherThanLosingTheRetry() {
    String id = outbox.enqueue(message("retry", "<retry@inair.example>", T0)).id();
    outbox.claim("node-a", T0, LEASE, 10);
    String longError = "421 4.3.2 " + "busy ".repeat(200);

    outbox.scheduleRetry(
        id,
        "node-a",
        T0.plusSeconds(600),
        longError,
        Optional.of(ResolutionReason.OWN_ACCOUNT_REJECTED));

    OutboxEntry waiting = outbox.find(id).orElseThrow();
    assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
    assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(600));
    assertThat(waiting.lastError()).contains(longError.substring(0, 500));
    assertThat(waiting.fallbackReason()).contains(ResolutionReason.OWN_ACCOUNT_REJECTED);
  }

  @Test
  void anUnusableDatabaseRaisesStorageExceptionsNamingTheOperation() {
    OutboxMessage message = message("k", "<k@inair.example>", T0);
    dataSource.close();

    assertThatThrownBy(() -> outbox.enqueue(message))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("enqueueing quote 'COT-2025-0142' (idempotency key 'k') failed: ")
        .hasMessageContaining("Connection refused");
    assertThatThrownBy(() -> outbox.claim("node-a", T0, LEASE, 2))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("claiming outbox entries for worker 'node-a' failed: ");
    assertThatThrownBy(() -> outbox.markSent("e1", "node-a", T0))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("marking outbox entry 'e1' sent failed: ");
    assertThatThrownBy(() -> outbox.status(T0))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("reading the outbox status failed: ");
    assertThatThrownBy(() -> outbox.find("e1"))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("reading outbox entry 'e1' failed: ");
  }

  // --- purge ------------------------------------------------------------------------------

  @Test
  void purgeDeletesEveryOldFinishedEntryBatchByBatchAndKeepsTheRest() throws Exception {
    Instant cutoff = T0.plus(Duration.ofDays(30));
    int oldSent = 2 * JdbiOutbox.PURGE_BATCH + 37;
    int oldDead = JdbiOutbox.PURGE_BATCH + 1;
    insertRows("old-sent-", oldSent, OutboxState.SENT, T0);
    insertRows("old-dead-", oldDead, OutboxState.DEAD, T0);
    insertRows("sent-at-cutoff-", 5, OutboxState.SENT, cutoff);
    insertRows("new-dead-", 3, OutboxState.DEAD, cutoff.plusSeconds(60));
    String pending = outbox.enqueue(message("old-pending", "<p@inair.example>", T0)).id();
    String sending = outbox.enqueue(message("old-sending", "<s@inair.example>", T0)).id();
    String parked = outbox.enqueue(message("old-parked", "<u@inair.example>", T0)).id();
    assertThat(outbox.claim("node-a", T0, LEASE, 10)).hasSize(3);
    outbox.release(pending, "node-a");
    outbox.markSendStarted(sending, "node-a");
    outbox.markOutcomeUnknown(parked, "node-a", "no reply after DATA");

    assertThat(outbox.purge(cutoff))
        .as("every old sent and dead entry, over several batches")
        .isEqualTo(oldSent + oldDead);

    assertThat(outbox.status(T0).countsByState())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                OutboxState.SENT, 5L,
                OutboxState.DEAD, 3L,
                OutboxState.PENDING, 2L,
                OutboxState.OUTCOME_UNKNOWN, 1L));
    assertThat(outbox.find(pending).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    assertThat(outbox.find(sending).orElseThrow().sendStarted())
        .as("an entry being sent stays")
        .isTrue();
    assertThat(outbox.find(parked)).isPresent();
    assertThat(outbox.purge(cutoff)).isZero();
  }

  @Override
  public OutboxStore outbox() {
    return outbox;
  }

  @Override
  public OutboxStore outboxOfAnotherInstance() {
    return JdbcStores.create(database.newDataSource()).outbox();
  }

  // --- helpers ----------------------------------------------------------------------------

  QuoteMailer mailer() {
    QuoteMailer mailer = OutboxMailers.mailer(stores, greenMail.getSmtp().getPort());
    toClose.add(mailer);
    return mailer;
  }

  DeliveryWorker worker(QuoteMailer mailer) {
    DeliveryWorker worker =
        mailer
            .worker()
            .threads(2)
            .pollInterval(OutboxMailers.POLL)
            .retry(OutboxMailers.FAST_RETRY)
            .build();
    toClose.add(worker);
    return worker;
  }

  /**
   * Inserts {@code count} finished rows in {@code state}, enqueued (and last due) at {@code at},
   * with one JDBC batch: many rows fast, as a busy outbox would hold after weeks.
   */
  void insertRows(String keyPrefix, int count, OutboxState state, Instant at) throws Exception {
    InstantCodec instants = Dialects.detect(dataSource).instants();
    try (Connection c = database.newDataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                """
                insert into qm_outbox (
                    id, idempotency_key, message_id, user_id, salesperson_name, salesperson_email,
                    quote_number, to_recipients, cc_recipients, subject, body_text, body_html, pdf,
                    pdf_file_name, enqueued_at, state, attempts, next_attempt_at, send_started,
                    updated_at)
                values (?, ?, ?, 'juan', 'Juan', 'juan@inair.example', 'COT-2025-0142',
                        'compras@hsjn.example', '', 'Quote', 'text', '<p>html</p>', ?, 'q.pdf',
                        ?, ?, 1, ?, ?, ?)""")) {
      for (int i = 0; i < count; i++) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, keyPrefix + i);
        insert.setString(3, "<" + keyPrefix + i + "@inair.example>");
        insert.setBytes(4, "%PDF-1.4".getBytes(US_ASCII));
        instants.bind(insert, 5, at);
        insert.setString(6, state.name());
        instants.bind(insert, 7, at);
        insert.setBoolean(8, false);
        instants.bind(insert, 9, at);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The host's own work in its transaction: the deal moves to "Quote Sent". */
  static void moveDeal(Connection host, int dealId) throws Exception {
    try (Statement s = host.createStatement()) {
      s.executeUpdate("insert into deals (id, stage) values (" + dealId + ", 'Quote Sent')");
    }
  }

  List<String> dealStages() throws Exception {
    List<String> stages = new ArrayList<>();
    try (Connection c = database.newDataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select stage from deals order by id")) {
      while (rs.next()) {
        stages.add(rs.getString(1));
      }
    }
    return stages;
  }

  static MimeMessage onlyReceivedMessage() {
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  static byte[] attachment(MimeMessage message) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return part.getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no attachment in " + message.getMessageID());
  }
}
