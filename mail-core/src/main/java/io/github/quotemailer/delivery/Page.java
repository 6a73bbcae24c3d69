package io.github.quotemailer.delivery;

import io.github.quotemailer.InvalidInputException;

/**
 * A window over query results, newest first.
 *
 * @param offset how many results to skip
 * @param limit how many to return, 1 to {@value #MAX_LIMIT}
 */
public record Page(int offset, int limit) {
  /** Upper bound on one page, so a careless query cannot load a million rows. */
  public static final int MAX_LIMIT = 1000;

  /** Validates the bounds. */
  public Page {
    if (offset < 0) {
      throw new InvalidInputException("offset", offset + " must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", limit + " must be between 1 and " + MAX_LIMIT);
    }
  }

  /** The first {@code limit} results. */
  public static Page first(int limit) {
    return new Page(0, limit);
  }
}
