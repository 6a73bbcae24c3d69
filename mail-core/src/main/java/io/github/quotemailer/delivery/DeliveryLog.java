package io.github.quotemailer.delivery;

import java.time.Instant;
import java.util.List;

/**
 * Port: one record per delivery attempt, queryable. The trace of which identity sent what, and why.
 * {@code persistence-jdbc} implements it on the host's database; {@link InMemoryDeliveryLog} serves
 * tests.
 */
public interface DeliveryLog {
  /** Appends one attempt. */
  void record(DeliveryAttempt attempt);

  /** Attempts for quotes owned by {@code userId}, newest first. */
  List<DeliveryAttempt> byUser(String userId, Page page);

  /** Attempts for the quote {@code quoteNumber}, newest first. */
  List<DeliveryAttempt> byQuote(String quoteNumber, Page page);

  /** Attempts that started in [{@code from}, {@code to}), newest first. */
  List<DeliveryAttempt> between(Instant from, Instant to, Page page);
}
