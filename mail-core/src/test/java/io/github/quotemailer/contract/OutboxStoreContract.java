package io.github.quotemailer.contract;

import static io.github.quotemailer.contract.StoreSamples.T0;
import static io.github.quotemailer.contract.StoreSamples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.OutboxAttachment;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.outbox.OutboxStatus;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.template.EmailContent;
import io.github.quotemailer.testing.Quotes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} promises to the worker and to the host: the in-memory outbox and the
 * JDBC outbox on each database run these same tests.
 */
public interface OutboxStoreContract {
  /** How long the contract's leases last. */
  Duration LEASE = Duration.ofMinutes(5);

  /** An empty outbox, ready to use, for one test. */
  OutboxStore outbox();

  /**
   * An outbox over the same entries as {@link #outbox()}, as a second application instance would
   * open it (the in-memory outbox answers with itself).
   */
  OutboxStore outboxOfAnotherInstance();

  @Test
  default void enqueueClaimAndMarkSentKeepEveryFieldAndThePdfBytes() {
    OutboxStore outbox = outbox();
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
            new OutboxAttachment.RenderedPdf(pdf),
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
  default void theSameKeyTwiceStoresOneEntryAndAnswersWithTheFirst() {
    OutboxStore outbox = outbox();
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
  default void claimsTheEntriesDueFirstUpToTheLimit() {
    OutboxStore outbox = outbox();
    String late = outbox.enqueue(message("late", "<late@inair.example>", T0.plusSeconds(30))).id();
    String early = outbox.enqueue(message("early", "<early@inair.example>", T0)).id();
    String middle =
        outbox.enqueue(message("middle", "<middle@inair.example>", T0.plusSeconds(10))).id();
    outbox.enqueue(message("future", "<future@inair.example>", T0.plusSeconds(3600)));

    assertThat(outbox.claim("node-a", T0.plusSeconds(60), LEASE, 2))
        .extracting(OutboxEntry::id)
        .containsExactly(early, middle);
    assertThat(outbox.claim("node-b", T0.plusSeconds(60), LEASE, 10))
        .extracting(OutboxEntry::id)
        .containsExactly(late);
  }

  @Test
  default void twoOwnersClaimingAtOnceNeverGetTheSameEntryAndTogetherGetAll() throws Exception {
    OutboxStore outbox = outbox();
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
            OutboxStore own = outboxOfAnotherInstance();
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

      // One owner may claim everything before the other's first claim: B may be empty.
      assertThat(claimedByA).doesNotHaveDuplicates().noneMatch(claimedByB::contains);
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
  default void anExpiredLeaseIsTakenOverAndTheOldOwnersOutcomeIsIgnored() {
    OutboxStore outbox = outbox();
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
  default void releaseEndsTheLeaseWithoutCountingTheAttempt() {
    OutboxStore outbox = outbox();
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
  default void aRetryIsDueAtItsTimeAndRemembersTheFallbackReason() {
    OutboxStore outbox = outbox();
    String id = outbox.enqueue(message("retry", "<retry@inair.example>", T0)).id();
    outbox.claim("node-a", T0, LEASE, 10);

    outbox.scheduleRetry(
        id,
        "node-a",
        T0.plusSeconds(600),
        "421 4.3.2 busy",
        Optional.of(ResolutionReason.OWN_ACCOUNT_REJECTED));

    OutboxEntry waiting = outbox.find(id).orElseThrow();
    assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
    assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(600));
    assertThat(waiting.lastError()).contains("421 4.3.2 busy");
    assertThat(waiting.fallbackReason()).contains(ResolutionReason.OWN_ACCOUNT_REJECTED);
    assertThat(outbox.status(T0.plusSeconds(1)).leased()).as("the lease ended").isZero();
    assertThat(outbox.claim("node-b", T0.plusSeconds(599), LEASE, 10)).isEmpty();

    List<OutboxEntry> again = outbox.claim("node-b", T0.plusSeconds(600), LEASE, 10);
    assertThat(again).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
    assertThat(again.get(0).fallbackReason()).contains(ResolutionReason.OWN_ACCOUNT_REJECTED);
    outbox.scheduleRetry(id, "node-b", T0.plusSeconds(900), "421 again", Optional.empty());
    assertThat(outbox.find(id).orElseThrow().fallbackReason())
        .as("no new reason keeps the stored one")
        .contains(ResolutionReason.OWN_ACCOUNT_REJECTED);
    assertThat(outbox.find(id).orElseThrow().lastError()).contains("421 again");
  }

  @Test
  default void deadEntriesStayDeadUntilRetryDeadRevivesThem() {
    OutboxStore outbox = outbox();
    String dead = outbox.enqueue(message("dead", "<dead@inair.example>", T0)).id();
    String parked = outbox.enqueue(message("parked", "<parked@inair.example>", T0)).id();
    outbox.claim("node-a", T0, LEASE, 10);
    outbox.deadLetter(dead, "node-a", "550 5.1.1 user unknown");
    outbox.markOutcomeUnknown(parked, "node-a", "a worker died during the SMTP transaction");
    assertThat(outbox.find(dead).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
    assertThat(outbox.find(dead).orElseThrow().lastError()).contains("550 5.1.1 user unknown");
    assertThat(outbox.find(parked).orElseThrow().state()).isEqualTo(OutboxState.OUTCOME_UNKNOWN);
    assertThat(outbox.claim("node-b", T0.plusSeconds(3600), LEASE, 10)).isEmpty();

    Instant later = T0.plusSeconds(7200);
    assertThat(outbox.retryDead(later)).isEqualTo(1);

    OutboxEntry revived = outbox.find(dead).orElseThrow();
    assertThat(revived.state()).isEqualTo(OutboxState.PENDING);
    assertThat(revived.attempts()).isZero();
    assertThat(revived.nextAttemptAt()).isEqualTo(later);
    assertThat(outbox.find(parked).orElseThrow().state()).isEqualTo(OutboxState.OUTCOME_UNKNOWN);
    assertThat(outbox.claim("node-b", later.minusSeconds(1), LEASE, 10))
        .as("revived entries are due from the given time")
        .isEmpty();
    assertThat(outbox.claim("node-b", later, LEASE, 10))
        .extracting(OutboxEntry::id)
        .containsExactly(dead);
    assertThat(outbox.retryDead(later)).isZero();
  }

  @Test
  default void purgeDeletesOnlySentAndDeadEntriesEnqueuedBeforeTheCutoff() {
    OutboxStore outbox = outbox();
    String oldSent = outbox.enqueue(message("old-sent", "<1@inair.example>", T0)).id();
    String oldDead = outbox.enqueue(message("old-dead", "<2@inair.example>", T0)).id();
    String oldPending = outbox.enqueue(message("old-pending", "<3@inair.example>", T0)).id();
    String oldParked = outbox.enqueue(message("old-parked", "<6@inair.example>", T0)).id();
    Instant cutoff = T0.plusSeconds(3600);
    String newSent = outbox.enqueue(message("new-sent", "<4@inair.example>", cutoff)).id();
    outbox.claim("node-a", cutoff, LEASE, 10);
    outbox.markSent(oldSent, "node-a", cutoff);
    outbox.deadLetter(oldDead, "node-a", "550");
    outbox.release(oldPending, "node-a");
    outbox.markOutcomeUnknown(oldParked, "node-a", "no reply after DATA");
    outbox.markSent(newSent, "node-a", cutoff);

    assertThat(outbox.purge(cutoff)).isEqualTo(2);

    assertThat(outbox.find(oldSent)).isEmpty();
    assertThat(outbox.find(oldDead)).isEmpty();
    assertThat(outbox.find(oldPending)).isPresent();
    assertThat(outbox.find(oldParked)).as("a parked entry waits for a person").isPresent();
    assertThat(outbox.find(newSent)).isPresent();
    assertThat(outbox.purge(cutoff)).isZero();
    assertThat(outbox.enqueue(message("old-sent", "<5@inair.example>", cutoff)).created())
        .as("a purged key may be enqueued again")
        .isTrue();
    assertThat(outbox.enqueue(message("new-sent", "<7@inair.example>", cutoff)).created())
        .as("a kept key still answers with its entry")
        .isFalse();
  }

  @Test
  default void statusCountsStatesAndTellsWhatIsDueLeasedOldestAndNext() {
    OutboxStore outbox = outbox();
    assertThat(outbox.status(T0))
        .isEqualTo(
            new OutboxStatus(
                Map.of(), 0, 0, Optional.empty(), Optional.empty(), 0, Optional.empty()));
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
  default void aDeferralGivesTheAttemptBackAndWaitsCountedAsDeferredUntilClaimedAgain() {
    OutboxStore outbox = outbox();
    String first = outbox.enqueue(message("lim-1", "<lim-1@inair.example>", T0)).id();
    String second = outbox.enqueue(message("lim-2", "<lim-2@inair.example>", T0)).id();
    outbox.claim("node-a", T0, LEASE, 10);
    String note = "sending limit 5/24h of juan@inair.example reached; goes at 2025-12-09T11:00:00Z";

    outbox.defer(first, "node-a", T0.plusSeconds(3600), note);
    outbox.defer(second, "node-a", T0.plusSeconds(1800), note);
    outbox.defer(second, "node-b", T0.plusSeconds(60), "not the lease holder: ignored");

    OutboxEntry waiting = outbox.find(first).orElseThrow();
    assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
    assertThat(waiting.attempts()).as("the claim's attempt is given back").isZero();
    assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(3600));
    assertThat(waiting.lastError()).contains(note);
    OutboxStatus status = outbox.status(T0.plusSeconds(60));
    assertThat(status.deferred()).isEqualTo(2);
    assertThat(status.nextDeferred()).contains(T0.plusSeconds(1800));
    assertThat(status.due()).isZero();
    assertThat(outbox.claim("node-b", T0.plusSeconds(60), LEASE, 10)).isEmpty();

    List<OutboxEntry> reclaimed = outbox.claim("node-b", T0.plusSeconds(1800), LEASE, 10);

    assertThat(reclaimed).extracting(OutboxEntry::id).containsExactly(second);
    assertThat(reclaimed.get(0).attempts()).isEqualTo(1);
    OutboxStatus after = outbox.status(T0.plusSeconds(1800));
    assertThat(after.deferred()).as("a claimed entry waits no more").isEqualTo(1);
    assertThat(after.nextDeferred()).contains(T0.plusSeconds(3600));
    assertThat(outbox.status(T0.plusSeconds(3600)).deferred())
        .as("an entry whose time has come is due, not waiting")
        .isZero();
  }

  @Test
  default void invalidArgumentsAreRefusedNamingTheArgument() {
    OutboxStore outbox = outbox();
    assertThatThrownBy(() -> outbox.claim(" ", T0, LEASE, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> outbox.claim("node-a", T0, Duration.ZERO, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> outbox.claim("node-a", null, LEASE, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("now");
    assertThatThrownBy(
            () -> outbox.claim("n".repeat(OutboxStore.MAX_OWNER_LENGTH + 1), T0, LEASE, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> outbox.enqueue(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("message");
    assertThatThrownBy(() -> outbox.markSent(null, "node-a", T0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> outbox.retryDead(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("now");
    assertThatThrownBy(() -> outbox.purge(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cutoff");
    String id = outbox.enqueue(message("k", "<k@inair.example>", T0)).id();
    assertThat(outbox.claim("node-a", T0, LEASE, 0)).isEmpty();
    assertThat(outbox.claim("node-a", T0, LEASE, -1)).isEmpty();
    assertThat(outbox.claim("node-a", T0, LEASE, 1)).hasSize(1);
    assertThatThrownBy(() -> outbox.scheduleRetry(id, "node-a", T0, "421", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fallbackReason");
    assertThat(outbox.find(id).orElseThrow().state())
        .as("a refused call changes nothing")
        .isEqualTo(OutboxState.PENDING);
    assertThat(outbox.status(T0).leased()).isEqualTo(1);
  }

  @Test
  default void aQuoteWithAnyLocaleAndDatesIsStoredAndReadBackEqual() {
    OutboxStore outbox = outbox();
    Quote sample = Quotes.sample("juan");
    List<Quote> unusual =
        List.of(
            sample.withLocale(Locale.forLanguageTag("ja-JP-u-ca-japanese")),
            sample.withLocale(Locale.forLanguageTag("fil-PH")),
            sample.withLocale(Locale.ROOT),
            new Quote(
                sample.number(),
                sample.version(),
                LocalDate.of(2025, 12, 9),
                LocalDate.MAX,
                sample.currency(),
                Locale.forLanguageTag("en-US-POSIX"),
                sample.company(),
                sample.customer(),
                sample.salesperson(),
                sample.items(),
                sample.taxRatePercent(),
                sample.notes(),
                sample.terms()));
    for (int i = 0; i < unusual.size(); i++) {
      Quote quote = unusual.get(i);
      OutboxMessage message =
          OutboxMessage.builder()
              .idempotencyKey("unusual:" + i)
              .messageId("<unusual." + i + "@inair.example>")
              .salesperson(quote.salesperson())
              .quoteNumber(quote.number())
              .to(List.of(EmailAddress.of("compras@hsjn.example")))
              .content(new EmailContent("Cotización " + quote.number(), "Adjunto.", ""))
              .quote(quote)
              .pdfFileName(quote.fileName())
              .enqueuedAt(StoreSamples.T0)
              .build();

      EnqueueResult result = outbox.enqueue(message);

      assertThat(outbox.find(result.id()).orElseThrow().message().attachment())
          .as("quote %s in %s", i, quote.locale())
          .isEqualTo(new OutboxAttachment.QuoteSnapshot(quote));
    }
  }

  @Test
  default void aQuoteSnapshotIsStoredInsteadOfAPdfAndReadBackEqual() {
    OutboxStore outbox = outbox();
    Quote spanish = Quotes.sample("juan");
    Quote english = spanish.withLocale(Locale.ENGLISH).withSalesperson(spanish.salesperson());
    for (Quote quote : List.of(spanish, english)) {
      OutboxMessage message =
          OutboxMessage.builder()
              .idempotencyKey("snapshot:" + quote.locale())
              .messageId("<snapshot." + quote.locale() + "@inair.example>")
              .salesperson(quote.salesperson())
              .quoteNumber(quote.number())
              .to(List.of(EmailAddress.of("compras@hsjn.example")))
              .content(new EmailContent("Cotización " + quote.number(), "Adjunto.", ""))
              .quote(quote)
              .pdfFileName(quote.fileName())
              .enqueuedAt(StoreSamples.T0)
              .build();

      EnqueueResult result = outbox.enqueue(message);

      OutboxEntry stored = outbox.find(result.id()).orElseThrow();
      assertThat(stored.message().attachment())
          .isEqualTo(new OutboxAttachment.QuoteSnapshot(quote));
      assertSameMessage(stored.message(), message);
    }
    List<OutboxEntry> claimed = outbox.claim("node-a", StoreSamples.T0, LEASE, 10);
    assertThat(claimed)
        .extracting(e -> e.message().attachment())
        .allSatisfy(a -> assertThat(a).isInstanceOf(OutboxAttachment.QuoteSnapshot.class))
        .hasSize(2);
  }

  /**
   * Asserts {@code actual} holds every field of {@code expected}, the PDF bytes or the quote
   * included.
   */
  static void assertSameMessage(OutboxMessage actual, OutboxMessage expected) {
    assertThat(actual.idempotencyKey()).isEqualTo(expected.idempotencyKey());
    assertThat(actual.messageId()).isEqualTo(expected.messageId());
    assertThat(actual.salesperson()).isEqualTo(expected.salesperson());
    assertThat(actual.quoteNumber()).isEqualTo(expected.quoteNumber());
    assertThat(actual.to()).isEqualTo(expected.to());
    assertThat(actual.cc()).isEqualTo(expected.cc());
    assertThat(actual.content()).isEqualTo(expected.content());
    assertThat(actual.attachment()).isEqualTo(expected.attachment());
    assertThat(actual.pdfFileName()).isEqualTo(expected.pdfFileName());
    assertThat(actual.enqueuedAt()).isEqualTo(expected.enqueuedAt());
  }
}
