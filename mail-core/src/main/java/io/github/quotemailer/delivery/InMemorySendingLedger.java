package io.github.quotemailer.delivery;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A thread-safe {@link SendingLedger} for one JVM: counts the {@link DeliveryOutcome#SENT} attempts
 * of the {@link DeliveryLog} it is given and keeps reservations and pauses in memory (lost on
 * restart). Exact while one JVM sends for each identity; with several nodes on one database, use
 * the ledger of the database's stores ({@code JdbcStores.sendingLedger()}). Each reservation reads
 * the log's attempts within the window, page by page: with a large durable delivery log, prefer the
 * database's ledger, which counts with one indexed query.
 */
public final class InMemorySendingLedger implements SendingLedger {
  private final DeliveryLog log;
  private final Map<String, Reservation> reservations = new HashMap<>();
  private final Map<EmailAddress, Pause> pauses = new HashMap<>();

  /** A ledger counting the sends recorded in {@code log}. */
  public InMemorySendingLedger(DeliveryLog log) {
    this.log = Arguments.present("log", log);
  }

  @Override
  public synchronized Admission reserve(
      EmailAddress identity, SendingLimit limit, Instant now, Instant expiresAt) {
    Arguments.present("identity", identity);
    Arguments.present("limit", limit);
    Arguments.present("now", now);
    Arguments.present("expiresAt", expiresAt);
    Optional<Pause> pause = pauseOf(identity, now);
    if (pause.isPresent()) {
      return Refused.paused(identity, pause.get());
    }
    reservations.values().removeIf(r -> !r.expiresAt.isAfter(now));
    List<Instant> counted = countedSends(identity, limit, now);
    if (counted.size() >= limit.count()) {
      // The send that must leave the window before one more fits: the (excess + 1)-th oldest.
      Instant reopens = counted.get(counted.size() - limit.count()).plus(limit.window());
      return Refused.limitReached(identity, limit, reopens);
    }
    Granted granted = new Granted(UUID.randomUUID().toString(), identity);
    reservations.put(granted.id(), new Reservation(identity, now, expiresAt));
    return granted;
  }

  /** Times of the sends counted in the window ending at {@code now}, oldest first. */
  private List<Instant> countedSends(EmailAddress identity, SendingLimit limit, Instant now) {
    Instant since = now.minus(limit.window());
    List<Instant> counted = new ArrayList<>(sentSince(identity, since, now.plus(limit.window())));
    for (Reservation r : reservations.values()) {
      if (r.identity.equals(identity)) {
        counted.add(r.reservedAt);
      }
    }
    counted.sort(Comparator.naturalOrder());
    return counted;
  }

  /**
   * The identity's SENT attempts after {@code since} and before {@code until}, read page by page
   * from the log. The bound lies a window past now: another node's clock may run a little ahead.
   */
  private List<Instant> sentSince(EmailAddress identity, Instant since, Instant until) {
    List<Instant> sent = new ArrayList<>();
    for (int offset = 0; ; offset += Page.MAX_LIMIT) {
      List<DeliveryAttempt> page = log.between(since, until, new Page(offset, Page.MAX_LIMIT));
      for (DeliveryAttempt a : page) {
        if (a.outcome() == DeliveryOutcome.SENT
            && a.identity().equals(identity)
            && a.at().isAfter(since)) {
          sent.add(a.at());
        }
      }
      if (page.size() < Page.MAX_LIMIT) {
        return sent;
      }
    }
  }

  @Override
  public synchronized void release(Granted reservation) {
    Arguments.present("reservation", reservation);
    reservations.remove(reservation.id());
  }

  @Override
  public synchronized void pause(EmailAddress identity, Instant until, String reason) {
    Pause pause = new Pause(until, reason);
    pauses.merge(
        Arguments.present("identity", identity),
        pause,
        (old, added) -> added.until().isAfter(old.until()) ? added : old);
  }

  @Override
  public synchronized Optional<Pause> pauseOf(EmailAddress identity, Instant now) {
    Arguments.present("now", now);
    return Optional.ofNullable(pauses.get(Arguments.present("identity", identity)))
        .filter(p -> p.until().isAfter(now));
  }

  private record Reservation(EmailAddress identity, Instant reservedAt, Instant expiresAt) {}
}
