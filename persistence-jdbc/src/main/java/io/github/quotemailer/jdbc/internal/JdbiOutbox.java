package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.jdbc.internal.dialect.SqlDialect;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.OutboxAttachment;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.outbox.OutboxStatus;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.template.EmailContent;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Outbox} on {@code qm_outbox}, with the semantics of {@link
 * io.github.quotemailer.outbox.InMemoryOutbox}, shared by every process on the database.
 *
 * <ul>
 *   <li>Enqueue inserts unless the idempotency key exists, in one statement that raises no error
 *       for a duplicate (so it also works inside a host's PostgreSQL transaction), then reads the
 *       key's row back: two instances enqueueing one key at once get the same entry.
 *   <li>A claim is committed before it returns, so no row lock is held while a worker talks SMTP.
 *       How rows are leased is the dialect's {@link OutboxClaim}: {@link SkipLockedClaim} where the
 *       database has {@code SELECT ... FOR UPDATE SKIP LOCKED}, {@link ConditionalClaim} elsewhere.
 *   <li>Outcomes only change a row still leased to the calling worker; an outcome from a worker
 *       whose lease was taken over is ignored and logged.
 * </ul>
 */
public final class JdbiOutbox implements OutboxStore {
  /** Most entries one claim leases; bounds the statements' id lists. */
  public static final int MAX_CLAIM = 500;

  /**
   * Rows one purge statement deletes, each batch committed on its own: a statement then locks at
   * most this many rows (with their PDFs, a few MB of undo or WAL) for milliseconds, and its id
   * list stays far below every database's bind limit, while 100,000 old rows still take only 200
   * round trips.
   */
  public static final int PURGE_BATCH = 500;

  /** The states {@link #purge} deletes, finished for good; in this order, each batch by batch. */
  static final List<OutboxState> PURGED_STATES = List.of(OutboxState.SENT, OutboxState.DEAD);

  /** Width of {@code last_error}; longer errors are cut, since losing the outcome is worse. */
  static final int MAX_ERROR_LENGTH = 500;

  /** Width of {@code id}, a UUID: a longer id cannot exist. */
  static final int MAX_ID_LENGTH = 36;

  private static final Logger LOG = LoggerFactory.getLogger(JdbiOutbox.class);

  /** The pdf column of a row holding a quote snapshot: the column stays "not null" (see V7). */
  private static final byte[] NO_PDF = new byte[0];

  private final Jdbi jdbi;
  private final SqlDialect dialect;
  private final Class<? extends OutboxDao> dao;
  private final OutboxClaim claim;
  private final Clock clock;

  /** An outbox on {@code jdbi}, a database of {@code dialect}; {@code clock} stamps changes. */
  public JdbiOutbox(Jdbi jdbi, SqlDialect dialect, Clock clock) {
    this.jdbi = jdbi;
    this.dialect = dialect;
    this.dao = dialect.outboxStatements();
    this.claim = dialect.outboxClaim();
    this.clock = clock;
  }

  @Override
  public EnqueueResult enqueue(OutboxMessage message) {
    OutboxRow row = toRow(Arguments.present("message", message));
    return Failures.translate(enqueueing(message), () -> jdbi.withHandle(h -> enqueueOn(h, row)));
  }

  /**
   * Inserts on the host's {@code transaction} without committing, rolling back or closing it: the
   * entry commits or rolls back with the host's own work. On a connection in auto-commit mode the
   * entry is committed at once.
   */
  @Override
  public EnqueueResult enqueue(OutboxMessage message, Connection transaction) {
    OutboxRow row = toRow(Arguments.present("message", message));
    Arguments.present("transaction", transaction);
    return Failures.translate(
        enqueueing(message),
        () -> Jdbis.onHostConnection(transaction, dialect).withHandle(h -> enqueueOn(h, row)));
  }

  private EnqueueResult enqueueOn(Handle handle, OutboxRow row) {
    OutboxDao statements = handle.attach(dao);
    statements.insertUnlessKeyExists(row);
    EnqueuedKey stored =
        statements
            .findKey(row.idempotencyKey())
            .orElseThrow(
                () ->
                    new StorageException(
                        enqueueing(row)
                            + " failed: the key is taken by an entry not visible yet (another"
                            + " transaction has not committed it); try again"));
    return new EnqueueResult(stored.id(), stored.messageId(), stored.id().equals(row.id()));
  }

  @Override
  public List<OutboxEntry> claim(String owner, Instant now, Duration lease, int limit) {
    OutboxStore.checkOwner(owner);
    Arguments.present("now", now);
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new InvalidInputException("lease", "must be positive");
    }
    if (limit <= 0) {
      return List.of();
    }
    int batch = Math.min(limit, MAX_CLAIM);
    Instant until = now.plus(lease);
    String operation = "claiming outbox entries for worker '" + owner + "'";
    List<OutboxRow> rows =
        Failures.translate(operation, () -> claim.claim(jdbi, owner, now, until, batch));
    List<OutboxEntry> entries = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      readable(row, owner, operation).ifPresent(entries::add);
    }
    return entries;
  }

  /**
   * {@code row} as an entry; a row that cannot be read (a snapshot of a version this code does not
   * know, a value a later version allowed) is dead-lettered with the reason, so it neither stops
   * the rest of the batch nor comes back every lease.
   */
  private Optional<OutboxEntry> readable(OutboxRow row, String owner, String operation) {
    try {
      return Optional.of(toEntry(row, operation));
    } catch (StorageException unreadable) {
      LOG.error(
          "outbox entry={} cannot be read and is dead-lettered: {}",
          row.id(),
          unreadable.getMessage());
      deadLetter(row.id(), owner, unreadable.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void markSendStarted(String id, String owner) {
    change(
        "recording the send start of outbox entry '" + id + "'",
        id,
        owner,
        "send start",
        OutboxProgress.class,
        d -> d.markSendStarted(id, owner, clock.instant()));
  }

  @Override
  public void markSent(String id, String owner, Instant at) {
    Arguments.present("at", at);
    change(
        "marking outbox entry '" + id + "' sent",
        id,
        owner,
        "SENT",
        OutboxProgress.class,
        d -> d.markSent(id, owner, at, clock.instant()));
  }

  @Override
  public void scheduleRetry(
      String id,
      String owner,
      Instant next,
      String error,
      Optional<ResolutionReason> fallbackReason) {
    Arguments.present("next", next);
    Arguments.present("fallbackReason", fallbackReason);
    String reason = fallbackReason.map(ResolutionReason::name).orElse(null);
    change(
        "scheduling a retry of outbox entry '" + id + "'",
        id,
        owner,
        "retry",
        d -> d.scheduleRetry(id, owner, next, shorten(error), reason, clock.instant()));
  }

  @Override
  public void defer(String id, String owner, Instant until, String note) {
    Arguments.present("until", until);
    String shortNote = shorten(note);
    change(
        "deferring outbox entry '" + id + "' until " + until,
        id,
        owner,
        "deferral",
        d -> d.defer(id, owner, until, shortNote, clock.instant()));
  }

  @Override
  public void deadLetter(String id, String owner, String error) {
    change(
        "dead-lettering outbox entry '" + id + "'",
        id,
        owner,
        "DEAD",
        d -> d.finish(id, owner, OutboxState.DEAD.name(), shorten(error), clock.instant()));
  }

  @Override
  public void markOutcomeUnknown(String id, String owner, String note) {
    change(
        "parking outbox entry '" + id + "' as outcome unknown",
        id,
        owner,
        "OUTCOME_UNKNOWN",
        d ->
            d.finish(
                id, owner, OutboxState.OUTCOME_UNKNOWN.name(), shorten(note), clock.instant()));
  }

  @Override
  public void release(String id, String owner) {
    change(
        "releasing outbox entry '" + id + "'",
        id,
        owner,
        "release",
        d -> d.release(id, owner, clock.instant()));
  }

  /** Runs one outcome statement; one that changes nothing means the lease was lost. */
  private void change(
      String operation, String id, String owner, String outcome, ToIntFunction<OutboxDao> update) {
    change(operation, id, owner, outcome, dao, update);
  }

  private <D> void change(
      String operation,
      String id,
      String owner,
      String outcome,
      Class<? extends D> statements,
      ToIntFunction<D> update) {
    Arguments.present("id", id);
    OutboxStore.checkOwner(owner);
    int changed =
        Failures.translate(operation, () -> jdbi.withExtension(statements, update::applyAsInt));
    if (changed == 0) {
      LOG.warn(
          "outbox entry={} {} from worker={} ignored: the entry is not leased to that worker"
              + " (its lease expired and was taken over, or the entry is gone)",
          id,
          outcome,
          owner);
    }
  }

  @Override
  public OutboxStatus status(Instant now) {
    Arguments.present("now", now);
    String operation = "reading the outbox status";
    return Failures.translate(
        operation,
        () ->
            jdbi.withHandle(
                handle -> {
                  OutboxDao statements = handle.attach(dao);
                  Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
                  for (Map.Entry<String, Long> e : statements.countByState().entrySet()) {
                    counts.put(state(e.getKey(), operation), e.getValue());
                  }
                  PendingSummary pending = statements.pending(now);
                  return new OutboxStatus(
                      counts,
                      pending.due(),
                      pending.leased(),
                      Optional.ofNullable(pending.oldestDue()),
                      Optional.ofNullable(pending.nextDue()),
                      pending.deferred(),
                      Optional.ofNullable(pending.nextDeferred()));
                }));
  }

  @Override
  public int retryDead(Instant now) {
    Arguments.present("now", now);
    return Failures.translate(
        "reviving dead outbox entries", () -> jdbi.withExtension(dao, d -> d.retryDead(now)));
  }

  /**
   * Deletes sent and dead entries enqueued before {@code cutoff} in batches of {@value
   * #PURGE_BATCH}, oldest first, each batch committed on its own: no statement locks every old row,
   * so workers and enqueues go on while a large outbox is purged. Returns the entries deleted.
   */
  @Override
  public int purge(Instant cutoff) {
    Arguments.present("cutoff", cutoff);
    return Failures.translate(
        "purging outbox entries enqueued before " + cutoff,
        () -> {
          int deleted = 0;
          for (OutboxState state : PURGED_STATES) {
            deleted += purgeInBatches(state.name(), cutoff);
          }
          return deleted;
        });
  }

  /** Deletes batch after batch of {@code state} rows until a batch comes back short. */
  private int purgeInBatches(String state, Instant cutoff) {
    int deleted = 0;
    List<String> batch;
    do {
      batch = jdbi.withExtension(dao, d -> d.purgeableIds(state, cutoff, PURGE_BATCH));
      if (!batch.isEmpty()) {
        List<String> ids = batch;
        deleted += jdbi.withExtension(dao, d -> d.deleteIfStill(ids, state, cutoff));
      }
    } while (batch.size() == PURGE_BATCH);
    return deleted;
  }

  @Override
  public Optional<OutboxEntry> find(String id) {
    Arguments.present("id", id);
    if (id.length() > MAX_ID_LENGTH) {
      return Optional.empty();
    }
    String operation = "reading outbox entry '" + id + "'";
    return Failures.translate(operation, () -> jdbi.withExtension(dao, d -> d.find(id)))
        .map(row -> toEntry(row, operation));
  }

  private OutboxRow toRow(OutboxMessage message) {
    Salesperson salesperson = message.salesperson();
    EmailContent content = message.content();
    // A new row is pending and due at once; error, lease and sent columns stay unset (null).
    return OutboxRow.builder()
        .id(UUID.randomUUID().toString())
        .idempotencyKey(message.idempotencyKey())
        .messageId(message.messageId())
        .userId(salesperson.userId())
        .salespersonName(salesperson.name())
        .salespersonEmail(salesperson.email().value())
        .salespersonPhone(salesperson.phone().orElse(null))
        .quoteNumber(message.quoteNumber())
        .toRecipients(JdbiDeliveryLog.joinRecipients(message.to()))
        .ccRecipients(JdbiDeliveryLog.joinRecipients(message.cc()))
        .subject(content.subject())
        .bodyText(content.text())
        .bodyHtml(content.html())
        .pdf(pdfColumn(message.attachment()))
        .quoteSnapshot(snapshotColumn(message.attachment()))
        .pdfFileName(message.pdfFileName())
        .enqueuedAt(message.enqueuedAt())
        .state(OutboxState.PENDING.name())
        .attempts(0)
        .nextAttemptAt(message.enqueuedAt())
        .sendStarted(false)
        .updatedAt(clock.instant())
        .build();
  }

  private static byte[] pdfColumn(OutboxAttachment attachment) {
    return attachment instanceof OutboxAttachment.RenderedPdf rendered ? rendered.pdf() : NO_PDF;
  }

  private static @Nullable String snapshotColumn(OutboxAttachment attachment) {
    return attachment instanceof OutboxAttachment.QuoteSnapshot snapshot
        ? QuoteSnapshots.write(snapshot.quote())
        : null;
  }

  /** A row written before schema version 7, or with a PDF, holds no snapshot. */
  private static OutboxAttachment attachment(OutboxRow row) {
    return row.quoteSnapshot() == null
        ? new OutboxAttachment.RenderedPdf(row.pdf())
        : new OutboxAttachment.QuoteSnapshot(QuoteSnapshots.read(row.quoteSnapshot(), row.id()));
  }

  private static OutboxEntry toEntry(OutboxRow row, String operation) {
    try {
      Salesperson salesperson =
          new Salesperson(
              row.userId(),
              row.salespersonName(),
              EmailAddress.of(row.salespersonEmail()),
              Optional.ofNullable(row.salespersonPhone()));
      OutboxMessage message =
          OutboxMessage.builder()
              .idempotencyKey(row.idempotencyKey())
              .messageId(row.messageId())
              .salesperson(salesperson)
              .quoteNumber(row.quoteNumber())
              .to(JdbiDeliveryLog.splitRecipients(row.toRecipients()))
              .cc(JdbiDeliveryLog.splitRecipients(row.ccRecipients()))
              .content(new EmailContent(row.subject(), row.bodyText(), row.bodyHtml()))
              .attachment(attachment(row))
              .pdfFileName(row.pdfFileName())
              .enqueuedAt(row.enqueuedAt())
              .build();
      return new OutboxEntry(
          row.id(),
          message,
          OutboxState.valueOf(row.state()),
          row.attempts(),
          row.nextAttemptAt(),
          Optional.ofNullable(row.lastError()),
          Optional.ofNullable(row.fallbackReason()).map(ResolutionReason::valueOf),
          row.sendStarted());
    } catch (InvalidInputException | IllegalArgumentException | NullPointerException e) {
      throw new StorageException(
          operation + " failed: outbox row " + row.id() + " is not valid (" + e.getMessage() + ")",
          e);
    }
  }

  private static OutboxState state(String name, String operation) {
    try {
      return OutboxState.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new StorageException(
          operation + " failed: unknown outbox state '" + name + "' in qm_outbox", e);
    }
  }

  private static String enqueueing(OutboxMessage message) {
    return enqueueing(message.quoteNumber(), message.idempotencyKey());
  }

  private static String enqueueing(OutboxRow row) {
    return enqueueing(row.quoteNumber(), row.idempotencyKey());
  }

  private static String enqueueing(String quoteNumber, String key) {
    return "enqueueing quote '" + quoteNumber + "' (idempotency key '" + key + "')";
  }

  private static @Nullable String shorten(@Nullable String error) {
    return error == null || error.length() <= MAX_ERROR_LENGTH
        ? error
        : error.substring(0, MAX_ERROR_LENGTH);
  }
}
