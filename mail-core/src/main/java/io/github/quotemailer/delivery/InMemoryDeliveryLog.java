package io.github.quotemailer.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** A thread-safe {@link DeliveryLog} in memory, for tests and hosts without a database. */
public final class InMemoryDeliveryLog implements DeliveryLog {
  private final List<DeliveryAttempt> attempts = new ArrayList<>();

  @Override
  public synchronized void record(DeliveryAttempt attempt) {
    attempts.add(attempt);
  }

  @Override
  public List<DeliveryAttempt> byUser(String userId, Page page) {
    return select(a -> a.userId().equals(userId), page);
  }

  @Override
  public List<DeliveryAttempt> byQuote(String quoteNumber, Page page) {
    return select(a -> a.quoteNumber().equals(quoteNumber), page);
  }

  @Override
  public List<DeliveryAttempt> between(Instant from, Instant to, Page page) {
    return select(a -> !a.at().isBefore(from) && a.at().isBefore(to), page);
  }

  /** Every attempt, oldest first. */
  public synchronized List<DeliveryAttempt> all() {
    return List.copyOf(attempts);
  }

  private synchronized List<DeliveryAttempt> select(Predicate<DeliveryAttempt> filter, Page page) {
    List<DeliveryAttempt> newestFirst = new ArrayList<>();
    for (int i = attempts.size() - 1; i >= 0; i--) {
      if (filter.test(attempts.get(i))) {
        newestFirst.add(attempts.get(i));
      }
    }
    newestFirst.sort(Comparator.comparing(DeliveryAttempt::at).reversed());
    return newestFirst.stream().skip(page.offset()).limit(page.limit()).toList();
  }
}
