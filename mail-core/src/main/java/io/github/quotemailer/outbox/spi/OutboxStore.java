package io.github.quotemailer.outbox.spi;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.outbox.Outbox;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.outbox.OutboxState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Service-provider interface: an {@link Outbox} plus the lease protocol the delivery worker runs on
 * it. Workers claim due entries with a lease committed before sending, so several application
 * instances can share one store without sending anything twice, and an entry whose worker died is
 * taken over when its lease expires. Implemented by {@code InMemoryOutbox} and by {@code
 * persistence-jdbc}; a host implements it only to keep the outbox somewhere else, and never calls
 * these methods itself ({@code QuoteMailer.outbox()} hands out only the {@link Outbox} view).
 */
public interface OutboxStore extends Outbox {
  /** The longest worker (lease owner) id a store accepts. */
  int MAX_OWNER_LENGTH = 100;

  /**
   * Returns {@code owner} when it is 1 to {@value #MAX_OWNER_LENGTH} characters long: the check
   * every store and the worker apply to lease owner ids.
   *
   * @throws InvalidInputException otherwise
   */
  static String checkOwner(String owner) {
    if (owner == null || owner.isBlank() || owner.length() > MAX_OWNER_LENGTH) {
      throw new InvalidInputException("owner", "must be 1-" + MAX_OWNER_LENGTH + " characters");
    }
    return owner;
  }

  /**
   * Leases up to {@code limit} due entries to {@code owner} until {@code now + lease}, counting one
   * attempt each; includes entries whose previous lease expired. A {@code limit} of zero or less
   * leases nothing.
   *
   * @throws InvalidInputException when {@code owner} is blank or longer than {@value
   *     #MAX_OWNER_LENGTH} characters, {@code now} is null, or {@code lease} is not positive
   */
  List<OutboxEntry> claim(String owner, Instant now, Duration lease, int limit);

  /**
   * Records that the DATA command of entry {@code id} is about to be sent: from here on a crash may
   * leave a delivered message unrecorded.
   */
  void markSendStarted(String id, String owner);

  /** Records delivery and ends the lease. */
  void markSent(String id, String owner, Instant at);

  /**
   * Ends the lease and makes the entry due again at {@code next}; {@code fallbackReason}, when
   * present, sends the retry straight from the company account with that reason.
   */
  void scheduleRetry(
      String id,
      String owner,
      Instant next,
      String error,
      Optional<ResolutionReason> fallbackReason);

  /**
   * Ends the lease without counting the attempt, and makes the entry due again at {@code until}:
   * its sender may not send before then (a sending limit's window, or a pause after its provider's
   * quota reply). {@code note} says why and when; until the entry is claimed again, {@link #status}
   * counts it among the deferred. Since the attempt is given back, waiting never leads to a dead
   * letter.
   */
  void defer(String id, String owner, Instant until, String note);

  /** Gives the entry up. */
  void deadLetter(String id, String owner, String error);

  /** Parks an entry whose outcome is unknown (see {@link OutboxState#OUTCOME_UNKNOWN}). */
  void markOutcomeUnknown(String id, String owner, String note);

  /** Ends the lease without counting the attempt, for a graceful shutdown. */
  void release(String id, String owner);
}
