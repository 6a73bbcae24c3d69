package io.github.quotemailer.outbox;

import io.github.quotemailer.InvalidInputException;

/** The check on worker (lease owner) ids that the worker and the in-memory outbox share. */
final class Owners {
  private Owners() {}

  /** Returns {@code owner} when it is 1 to {@link Outbox#MAX_OWNER_LENGTH} characters long. */
  static String check(String owner) {
    if (owner == null || owner.isBlank() || owner.length() > Outbox.MAX_OWNER_LENGTH) {
      throw new InvalidInputException(
          "owner", "must be 1-" + Outbox.MAX_OWNER_LENGTH + " characters");
    }
    return owner;
  }
}
