package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SendingLedger} on the database, exact across every node that shares it. An identity's
 * sends are counted from {@code qm_delivery_attempt} (SENT within the window) plus its live rows in
 * {@code qm_sending_reservation}; the check and the reservation run in one transaction that starts
 * by updating the identity's row in {@code qm_sending_identity}. That update is the lock: a second
 * check of the same identity waits for the first to commit, and then counts its reservation. It
 * serialises the same way on every supported database (a row lock on H2, PostgreSQL and MariaDB;
 * SQLite's single writer lock, taken by the first statement), in read-committed transactions where
 * the database has them, so each count sees what the previous holder committed.
 */
public final class JdbiSendingLedger implements SendingLedger {
  /**
   * Transactions per reservation: one may find the identity's row missing (it is created, then the
   * check runs again), and one may be aborted by the database (a deadlock or a lock wait that timed
   * out), which a new try resolves.
   */
  static final int TRIES = 4;

  private static final Logger LOG = LoggerFactory.getLogger(JdbiSendingLedger.class);

  private final Jdbi jdbi;
  private final TransactionIsolationLevel isolation;
  private final Clock clock;

  /**
   * A ledger on {@code jdbi}, checking in transactions of {@code isolation}; {@code clock} stamps
   * pauses.
   */
  public JdbiSendingLedger(Jdbi jdbi, TransactionIsolationLevel isolation, Clock clock) {
    this.jdbi = jdbi;
    this.isolation = isolation;
    this.clock = clock;
  }

  @Override
  public Admission reserve(
      EmailAddress identity, SendingLimit limit, Instant now, Instant expiresAt) {
    Arguments.present("identity", identity);
    Arguments.present("limit", limit);
    Arguments.present("now", now);
    Arguments.present("expiresAt", expiresAt);
    String operation = "checking the sending limit of " + identity;
    return Failures.translate(operation, () -> reserveTrying(identity, limit, now, expiresAt));
  }

  private Admission reserveTrying(
      EmailAddress identity, SendingLimit limit, Instant now, Instant expiresAt) {
    for (int tries = 1; tries <= TRIES; tries++) {
      try {
        Optional<Admission> answer =
            jdbi.inTransaction(
                isolation,
                handle ->
                    underLock(
                        handle.attach(SendingLedgerDao.class), identity, limit, now, expiresAt));
        if (answer.isPresent()) {
          return answer.get();
        }
        createRow(identity, now);
      } catch (JdbiException e) {
        if (tries == TRIES || !(SqlStates.isTransactionConflict(e) || SqlStates.isLockTimeout(e))) {
          throw e;
        }
        LOG.info("sending limit check of identity={} try={} aborted, retrying", identity, tries);
      }
    }
    throw new StorageException(
        "checking the sending limit of " + identity + " failed: its lock row stays missing");
  }

  /**
   * The check and reservation, once this transaction holds the identity's lock; empty when the
   * identity has no row to lock yet.
   */
  private static Optional<Admission> underLock(
      SendingLedgerDao ledger,
      EmailAddress identity,
      SendingLimit limit,
      Instant now,
      Instant expiresAt) {
    String who = identity.value();
    if (ledger.lock(who, now) == 0) {
      return Optional.empty();
    }
    Optional<Pause> pause = livePause(ledger.pause(who), now);
    if (pause.isPresent()) {
      return Optional.of(Refused.paused(identity, pause.get()));
    }
    ledger.deleteExpired(who, now);
    Instant since = now.minus(limit.window());
    long counted = ledger.countSent(who, since) + ledger.countReserved(who, now);
    if (counted >= limit.count()) {
      // The send that must leave the window before one more fits: the (excess + 1)-th oldest.
      Instant leaving =
          ledger
              .countedAfter(who, since, now, counted - limit.count())
              .map(c -> c.at())
              .orElse(now);
      return Optional.of(Refused.limitReached(identity, limit, leaving.plus(limit.window())));
    }
    String id = UUID.randomUUID().toString();
    ledger.reserve(id, who, now, expiresAt);
    return Optional.of(new Granted(id, identity));
  }

  /** Creates the identity's row; another node creating it at the same moment is fine. */
  private void createRow(EmailAddress identity, Instant now) {
    try {
      jdbi.useExtension(SendingLedgerDao.class, d -> d.insertIdentity(identity.value(), now));
    } catch (JdbiException e) {
      // Lost the race to another node (SQLite's driver gives no SQL state to tell): the row is
      // there, which is all that was wanted.
      if (!SqlStates.isUniqueViolation(e) && !rowExists(identity)) {
        throw e;
      }
    }
  }

  private boolean rowExists(EmailAddress identity) {
    return jdbi.withExtension(SendingLedgerDao.class, d -> d.pause(identity.value())).isPresent();
  }

  @Override
  public void release(Granted reservation) {
    Arguments.present("reservation", reservation);
    Failures.run(
        "releasing a sending reservation of " + reservation.identity(),
        () -> jdbi.useExtension(SendingLedgerDao.class, d -> d.release(reservation.id())));
  }

  @Override
  public void pause(EmailAddress identity, Instant until, String reason) {
    Arguments.present("identity", identity);
    Pause pause = new Pause(until, reason);
    Instant now = clock.instant();
    Failures.run(
        "pausing " + identity + " until " + until,
        () -> {
          createRow(identity, now);
          jdbi.useExtension(
              SendingLedgerDao.class,
              d -> d.pause(identity.value(), pause.until(), shorten(pause.reason()), now));
        });
  }

  @Override
  public Optional<Pause> pauseOf(EmailAddress identity, Instant now) {
    Arguments.present("identity", identity);
    Arguments.present("now", now);
    return Failures.translate(
        "reading the pause of " + identity,
        () ->
            livePause(jdbi.withExtension(PauseLookup.class, d -> d.pause(identity.value())), now));
  }

  private static Optional<Pause> livePause(Optional<LedgerRows.Pause> row, Instant now) {
    return row.filter(p -> p.pausedUntil() != null && p.pausedUntil().isAfter(now))
        .map(p -> new Pause(p.pausedUntil(), p.reason() == null ? "paused" : p.reason()));
  }

  /** Reasons longer than {@code pause_reason}'s 500 characters are cut, not refused. */
  private static String shorten(String reason) {
    return reason.length() <= 500 ? reason : reason.substring(0, 500);
  }
}
