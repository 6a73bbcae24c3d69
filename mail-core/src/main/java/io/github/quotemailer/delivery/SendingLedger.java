package io.github.quotemailer.delivery;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: how many messages each sending identity (the authenticated mailbox) may still send, counted
 * from the {@link DeliveryLog}, and which identities a provider's quota reply has paused. The
 * pipeline asks it before every attempt with an identity that has a {@link SendingLimit}, and
 * checks every other identity for a pause; see the README's "Sending limits".
 *
 * <p>What counts against a limit: the attempts of the identity recorded as {@link
 * DeliveryOutcome#SENT} within the rolling window, plus the sends reserved but not released yet
 * (under way on any node). {@link #reserve} takes one slot atomically, so two workers never both
 * take the last one; {@link #release} gives it back once the attempt is recorded in the delivery
 * log, where it is counted from then on. A reservation never released (its worker crashed) stops
 * counting at the expiry given when it was made.
 *
 * <p>{@link InMemorySendingLedger} is exact within one JVM; {@code persistence-jdbc}'s {@code
 * JdbcStores.sendingLedger()} is exact across every node on one database.
 */
public interface SendingLedger {
  /**
   * Reserves one send of {@code identity} at {@code now} under {@code limit}, unless the identity
   * is paused or the sends counted in the window ending at {@code now} (see the class description)
   * already reach the limit. A granted reservation counts until it is {@link #release released} or
   * until {@code expiresAt}, whichever comes first.
   *
   * @return the reservation, or the refusal saying when the identity may send again
   */
  Admission reserve(EmailAddress identity, SendingLimit limit, Instant now, Instant expiresAt);

  /**
   * Ends a reservation, after its attempt was recorded in the delivery log (or was not made).
   * Releasing one twice, or one that expired, changes nothing.
   */
  void release(Granted reservation);

  /**
   * Pauses {@code identity} until {@code until} on every node sharing this ledger, e.g. after the
   * provider answered that its quota is used up; {@code reason} says why. A pause never shortens
   * one already in force: the later end wins.
   */
  void pause(EmailAddress identity, Instant until, String reason);

  /** The pause of {@code identity} still in force at {@code now}, if any. */
  Optional<Pause> pauseOf(EmailAddress identity, Instant now);

  /** The answer of {@link #reserve}: {@link Granted} or {@link Refused}. */
  sealed interface Admission permits Granted, Refused {}

  /**
   * One reserved send.
   *
   * @param id the reservation's id, unique in this ledger
   * @param identity the identity that may send
   */
  record Granted(String id, EmailAddress identity) implements Admission {
    /** Validates. */
    public Granted {
      Arguments.text("id", id, 36);
      Arguments.present("identity", identity);
    }
  }

  /**
   * A refused send.
   *
   * @param identity the identity that may not send now
   * @param reopensAt the earliest time it may send again: the oldest counted send plus the window,
   *     or the end of its pause
   * @param reason why, e.g. {@code sending limit 5/24h of juan@inair.example reached} or {@code
   *     paused after 550 5.4.5 Daily user sending quota exceeded}
   */
  record Refused(EmailAddress identity, Instant reopensAt, String reason) implements Admission {
    /** Validates. */
    public Refused {
      Arguments.present("identity", identity);
      Arguments.present("reopensAt", reopensAt);
      Arguments.present("reason", reason);
    }

    /** The refusal of a send over {@code limit}, naming both. */
    public static Refused limitReached(
        EmailAddress identity, SendingLimit limit, Instant reopensAt) {
      return new Refused(
          identity, reopensAt, "sending limit " + limit + " of " + identity + " reached");
    }

    /** The refusal of a send during {@code pause}. */
    public static Refused paused(EmailAddress identity, Pause pause) {
      return new Refused(identity, pause.until(), pause.reason());
    }
  }

  /**
   * A pause in force.
   *
   * @param until when it ends
   * @param reason why, e.g. {@code paused after 550 5.4.5 Daily user sending quota exceeded}
   */
  record Pause(Instant until, String reason) {
    /** Validates. */
    public Pause {
      Arguments.present("until", until);
      Arguments.present("reason", reason);
    }
  }
}
