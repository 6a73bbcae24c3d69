package io.github.quotemailer.jdbc;

import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.Outbox;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.outbox.OutboxStatus;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.template.EmailContent;
import io.github.quotemailer.testing.Quotes;
import io.github.quotemailer.testing.TinyPdfRenderer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
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
 * subclass runs it against one database; each test gets a fresh, migrated database of its own.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class OutboxContract {
  static final Instant T0 = Instant.parse("2025-12-09T10:00:00Z");
  static final Duration LEASE = Duration.ofMinutes(5);
  static final byte[] TINY_PDF = "%PDF-1.4 tiny\n%%EOF\n".getBytes(US_ASCII);

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser(COMPANY, COMPANY, COMPANY_PASSWORD))
          .withPerMethodLifecycle(true);

  private TestDatabase database;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  FaultyDataSource dataSource;
  JdbcStores stores;
  Outbox outbox;

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
  void enqueueClaimAndMarkSentKeepEveryFieldAndThePdfBytes() {
    byte[] pdf = new byte[300_000];
    for (int i = 0; i < pdf.length; i++) {
      pdf[i] = (byte) i; // every byte value, NUL and 0xFF included
    }
    // Over 64 KB in UTF-8: more than MariaDB's "text" holds.
    String text = "Estimada Laura: ñáé €\r\n".repeat(4_300);
    String html = "<p>Estimada Laura: ñáé €</p>\n".repeat(6_000);
    OutboxMessage message =
        new OutboxMessage(
            "deal-42:COT-2025-0142:v1",
            "<COT-2025-0142.1765275330@inair.example>",
            new Salesperson(
                "juan",
                "Juan Pérez",
                EmailAddress.of("juan@inair.example"),
                Optional.of("+52 81 5555 0101")),
            "COT-2025-0142",
            List.of(
                EmailAddress.of("compras@hsjn.example"),
                EmailAddress.of("\"compras,mx\"@example.com")),
            List.of(EmailAddress.of("juan@inair.example")),
            new EmailContent("Cotización COT-2025-0142 de INAIR — Ñandú", text, html),
            pdf,
            "COT-2025-0142.pdf",
            Instant.parse("2025-12-09T10:15:30.654321Z"));

    EnqueueResult result = outbox.enqueue(message);

    assertThat(result.created()).isTrue();
    assertThat(result.messageId()).isEqualTo(message.messageId());
    OutboxEntry stored = outbox.find(result.id()).orElseThrow();
    assertSameMessage(stored.message(), message);
    assertThat(stored.state()).isEqualTo(OutboxState.PENDING);
    assertThat(stored.attempts()).isZero();
    assertThat(stored.nextAttemptAt()).isEqualTo(message.enqueuedAt());
    assertThat(stored.lastError()).isEmpty();
    assertThat(stored.fallbackReason()).isEmpty();
    assertThat(stored.sendStarted()).isFalse();

    List<OutboxEntry> claimed = outbox.claim("node-a", message.enqueuedAt(), LEASE, 10);

    assertThat(claimed).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(result.id()));
    assertThat(claimed.get(0).attempts()).isEqualTo(1);
    assertSameMessage(claimed.get(0).message(), message);

    outbox.markSendStarted(result.id(), "node-a");
    assertThat(outbox.find(result.id()).orElseThrow().sendStarted()).isTrue();
    outbox.markSent(result.id(), "node-a", message.enqueuedAt().plusSeconds(1));

    OutboxEntry sent = outbox.find(result.id()).orElseThrow();
    assertThat(sent.state()).isEqualTo(OutboxState.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.sendStarted()).isFalse();
    assertThat(outbox.claim("node-b", T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
    assertThat(outbox.find("no-such-entry")).isEmpty();
  }

  @Test
  void theSameKeyTwiceStoresOneEntryAndAnswersWithTheFirst() {
    EnqueueResult first = outbox.enqueue(message("deal-7:COT-1:v1", "<first@inair.example>", T0));

    EnqueueResult second =
        outbox.enqueue(message("deal-7:COT-1:v1", "<second@inair.example>", T0.plusSeconds(5)));

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.messageId()).isEqualTo("<first@inair.example>");
    assertThat(outbox.status(T0).count(OutboxState.PENDING)).isEqualTo(1);
  }

  @Test
  void twoInstancesEnqueueingOneKeyAtTheSameMomentGetTheSameEntry() throws Exception {
    Outbox a = JdbcStores.create(database.newDataSource()).outbox();
    Outbox b = JdbcStores.create(database.newDataSource()).outbox();
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
  void twoOwnersClaimingAtOnceNeverGetTheSameEntryAndTogetherGetAll() throws Exception {
    Set<String> all = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      all.add(outbox.enqueue(message("bulk-" + i, "<bulk-" + i + "@inair.example>", T0)).id());
    }
    Instant now = T0.plusSeconds(60);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      Callable<List<String>> node =
          () -> {
            String owner = Thread.currentThread().getName();
            Outbox own = JdbcStores.create(database.newDataSource()).outbox();
            List<String> mine = new ArrayList<>();
            together.await();
            while (true) {
              List<OutboxEntry> batch = own.claim(owner, now, Duration.ofMinutes(10), 5);
              batch.forEach(e -> mine.add(e.id()));
              if (batch.isEmpty() && own.status(now).due() == 0) {
                return mine;
              }
            }
          };
      Future<List<String>> a = threads.submit(node);
      Future<List<String>> b = threads.submit(node);
      List<String> claimedByA = a.get(90, TimeUnit.SECONDS);
      List<String> claimedByB = b.get(90, TimeUnit.SECONDS);

      assertThat(claimedByA).doesNotHaveDuplicates().doesNotContainAnyElementsOf(claimedByB);
      assertThat(claimedByB).doesNotHaveDuplicates();
      List<String> both = new ArrayList<>(claimedByA);
      both.addAll(claimedByB);
      assertThat(both).containsExactlyInAnyOrderElementsOf(all);
    } finally {
      threads.shutdownNow();
    }
    OutboxStatus status = outbox.status(now);
    assertThat(status.leased()).isEqualTo(200);
    assertThat(status.due()).isZero();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndTheOldOwnersOutcomeIsIgnored() {
    String id = outbox.enqueue(message("lease", "<lease@inair.example>", T0)).id();
    Duration oneMinute = Duration.ofMinutes(1);
    assertThat(outbox.claim("old", T0, oneMinute, 10)).hasSize(1);
    outbox.markSendStarted(id, "old");

    assertThat(outbox.claim("new", T0.plusSeconds(59), oneMinute, 10))
        .as("a live lease is not taken over")
        .isEmpty();
    List<OutboxEntry> takenOver = outbox.claim("new", T0.plusSeconds(60), oneMinute, 10);

    assertThat(takenOver).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(id));
    assertThat(takenOver.get(0).attempts()).isEqualTo(2);
    assertThat(takenOver.get(0).sendStarted())
        .as("the new owner learns the old one may have delivered it")
        .isTrue();

    outbox.markSent(id, "old", T0.plusSeconds(61));
    outbox.scheduleRetry(id, "old", T0.plusSeconds(600), "421 late", Optional.empty());
    outbox.deadLetter(id, "old", "550 late");
    outbox.markOutcomeUnknown(id, "old", "late");
    outbox.release(id, "old");
    OutboxEntry afterOld = outbox.find(id).orElseThrow();
    assertThat(afterOld.state()).isEqualTo(OutboxState.PENDING);
    assertThat(afterOld.attempts()).isEqualTo(2);
    assertThat(afterOld.lastError()).isEmpty();
    assertThat(outbox.status(T0.plusSeconds(61)).leased()).isEqualTo(1);

    outbox.markSent(id, "new", T0.plusSeconds(62));
    assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
  }

  @Test
  void releaseEndsTheLeaseWithoutCountingTheAttempt() {
    String id = outbox.enqueue(message("release", "<release@inair.example>", T0)).id();
    assertThat(outbox.claim("node-a", T0, LEASE, 10)).hasSize(1);
    outbox.markSendStarted(id, "node-a");

    outbox.release(id, "node-b");
    assertThat(outbox.find(id).orElseThrow().attempts()).as("not node-b's to release").isEqualTo(1);
    outbox.release(id, "node-a");

    OutboxEntry released = outbox.find(id).orElseThrow();
    assertThat(released.state()).isEqualTo(OutboxState.PENDING);
    assertThat(released.attempts()).isZero();
    assertThat(released.sendStarted()).isFalse();
    assertThat(outbox.status(T0).leased()).isZero();
    assertThat(outbox.claim("node-b", T0, LEASE, 10))
        .singleElement()
        .satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
  }

  @Test
  void aRetryIsDueAtItsTimeAndRemembersTheFallbackReason() {
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
    assertThat(outbox.claim("node-b", T0.plusSeconds(599), LEASE, 10)).isEmpty();

    List<OutboxEntry> again = outbox.claim("node-b", T0.plusSeconds(600), LEASE, 10);
    assertThat(again).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
    outbox.scheduleRetry(id, "node-b", T0.plusSeconds(900), "421 again", Optional.empty());
    assertThat(outbox.find(id).orElseThrow().fallbackReason())
        .as("no new reason keeps the stored one")
        .contains(ResolutionReason.OWN_ACCOUNT_REJECTED);
  }

  @Test
  void deadEntriesStayDeadUntilRetryDeadRevivesThem() {
    String dead = outbox.enqueue(message("dead", "<dead@inair.example>", T0)).id();
    String parked = outbox.enqueue(message("parked", "<parked@inair.example>", T0)).id();
    outbox.claim("node-a", T0, LEASE, 10);
    outbox.deadLetter(dead, "node-a", "550 5.1.1 user unknown");
    outbox.markOutcomeUnknown(parked, "node-a", "a worker died during the SMTP transaction");
    assertThat(outbox.find(dead).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
    assertThat(outbox.find(parked).orElseThrow().state()).isEqualTo(OutboxState.OUTCOME_UNKNOWN);
    assertThat(outbox.claim("node-b", T0.plusSeconds(3600), LEASE, 10)).isEmpty();

    Instant later = T0.plusSeconds(7200);
    assertThat(outbox.retryDead(later)).isEqualTo(1);

    OutboxEntry revived = outbox.find(dead).orElseThrow();
    assertThat(revived.state()).isEqualTo(OutboxState.PENDING);
    assertThat(revived.attempts()).isZero();
    assertThat(revived.nextAttemptAt()).isEqualTo(later);
    assertThat(outbox.find(parked).orElseThrow().state()).isEqualTo(OutboxState.OUTCOME_UNKNOWN);
    assertThat(outbox.claim("node-b", later, LEASE, 10))
        .extracting(OutboxEntry::id)
        .containsExactly(dead);
    assertThat(outbox.retryDead(later)).isZero();
  }

  @Test
  void purgeDeletesOnlySentAndDeadEntriesEnqueuedBeforeTheCutoff() {
    String oldSent = outbox.enqueue(message("old-sent", "<1@inair.example>", T0)).id();
    String oldDead = outbox.enqueue(message("old-dead", "<2@inair.example>", T0)).id();
    String oldPending = outbox.enqueue(message("old-pending", "<3@inair.example>", T0)).id();
    Instant cutoff = T0.plusSeconds(3600);
    String newSent = outbox.enqueue(message("new-sent", "<4@inair.example>", cutoff)).id();
    outbox.claim("node-a", cutoff, LEASE, 10);
    outbox.markSent(oldSent, "node-a", cutoff);
    outbox.deadLetter(oldDead, "node-a", "550");
    outbox.release(oldPending, "node-a");
    outbox.markSent(newSent, "node-a", cutoff);

    assertThat(outbox.purge(cutoff)).isEqualTo(2);

    assertThat(outbox.find(oldSent)).isEmpty();
    assertThat(outbox.find(oldDead)).isEmpty();
    assertThat(outbox.find(oldPending)).isPresent();
    assertThat(outbox.find(newSent)).isPresent();
    assertThat(outbox.purge(cutoff)).isZero();
    assertThat(outbox.enqueue(message("old-sent", "<5@inair.example>", cutoff)).created())
        .as("a purged key may be enqueued again")
        .isTrue();
  }

  @Test
  void statusCountsStatesAndTellsWhatIsDueLeasedOldestAndNext() {
    assertThat(outbox.status(T0))
        .isEqualTo(new OutboxStatus(Map.of(), 0, 0, Optional.empty(), Optional.empty()));
    String sent = outbox.enqueue(message("s", "<s@inair.example>", T0)).id();
    String dead = outbox.enqueue(message("d", "<d@inair.example>", T0)).id();
    outbox.enqueue(message("l", "<l@inair.example>", T0)); // stays leased to node-a
    String later = outbox.enqueue(message("r", "<r@inair.example>", T0)).id();
    outbox.claim("node-a", T0, LEASE, 10);
    outbox.markSent(sent, "node-a", T0);
    outbox.deadLetter(dead, "node-a", "550");
    outbox.scheduleRetry(later, "node-a", T0.plusSeconds(900), "421", Optional.empty());
    outbox.enqueue(message("due-1", "<due-1@inair.example>", T0.plusSeconds(10)));
    outbox.enqueue(message("due-2", "<due-2@inair.example>", T0.plusSeconds(20)));
    outbox.enqueue(message("future", "<future@inair.example>", T0.plusSeconds(600)));
    Instant now = T0.plusSeconds(60);

    OutboxStatus status = outbox.status(now);

    assertThat(status.countsByState())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(OutboxState.SENT, 1L, OutboxState.DEAD, 1L, OutboxState.PENDING, 5L));
    assertThat(status.due()).isEqualTo(2);
    assertThat(status.leased()).isEqualTo(1);
    assertThat(status.oldestDue()).contains(T0.plusSeconds(10));
    assertThat(status.nextDue()).contains(T0.plusSeconds(10));

    OutboxStatus afterLease = outbox.status(T0.plus(LEASE).plusSeconds(1));
    assertThat(afterLease.leased()).as("an expired lease holds nothing").isZero();
    assertThat(afterLease.due()).as("the expired lease's entry, due-1, due-2").isEqualTo(3);
    assertThat(afterLease.oldestDue()).contains(T0);
    OutboxStatus early = outbox.status(T0.plusSeconds(5));
    assertThat(early.due()).isZero();
    assertThat(early.nextDue()).contains(T0.plusSeconds(10));
  }

  @Test
  void invalidArgumentsAreRefusedAndAnUnusableDatabaseRaisesStorageExceptions() {
    OutboxMessage message = message("k", "<k@inair.example>", T0);
    assertThatThrownBy(() -> outbox.claim(" ", T0, LEASE, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> outbox.claim("node-a", T0, Duration.ZERO, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lease");
    assertThat(outbox.claim("node-a", T0, LEASE, 0)).isEmpty();
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

  static OutboxMessage message(String key, String messageId, Instant enqueuedAt) {
    return new OutboxMessage(
        key,
        messageId,
        Salesperson.of("juan", "Juan Pérez", "juan@inair.example"),
        "COT-2025-0142",
        List.of(EmailAddress.of(OutboxMailers.CUSTOMER)),
        List.of(),
        new EmailContent("Cotización COT-2025-0142", "Hola", "<p>Hola</p>"),
        TINY_PDF,
        "COT-2025-0142.pdf",
        enqueuedAt);
  }

  static void assertSameMessage(OutboxMessage actual, OutboxMessage expected) {
    assertThat(actual.idempotencyKey()).isEqualTo(expected.idempotencyKey());
    assertThat(actual.messageId()).isEqualTo(expected.messageId());
    assertThat(actual.salesperson()).isEqualTo(expected.salesperson());
    assertThat(actual.quoteNumber()).isEqualTo(expected.quoteNumber());
    assertThat(actual.to()).isEqualTo(expected.to());
    assertThat(actual.cc()).isEqualTo(expected.cc());
    assertThat(actual.content()).isEqualTo(expected.content());
    assertThat(actual.pdf()).isEqualTo(expected.pdf());
    assertThat(actual.pdfFileName()).isEqualTo(expected.pdfFileName());
    assertThat(actual.enqueuedAt()).isEqualTo(expected.enqueuedAt());
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
