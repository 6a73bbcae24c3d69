package io.github.quotemailer.outbox;

import io.github.quotemailer.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * How queued emails are retried: exponential backoff with jitter up to a number of attempts, then
 * dead-lettered. The whole retry schedule lives here ({@link #nextAttemptAt}); the fallback
 * decision only says whether to retry. Out-of-range values throw {@link ConfigurationException}.
 *
 * @param maxAttempts attempts before a transient failure becomes a dead letter
 * @param initialBackoff wait after the first failure; doubles each time
 * @param maxBackoff cap on the wait
 * @param jitter fraction (0 to 1) by which each wait is randomly shortened or lengthened
 * @param quotaDeferral wait after a quota reply when the policy defers
 */
public record RetrySettings(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double jitter,
    Duration quotaDeferral) {

  /** 8 attempts: with the default backoff they span about two hours of outage. */
  public static final int DEFAULT_MAX_ATTEMPTS = 8;

  /** 30 s: long enough for a server restart, short for a salesperson waiting. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(30);

  /** 1 h: a quote still goes out the same working day. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(1);

  /** ±20%: spreads retries of many instances so they do not hit a server together. */
  public static final double DEFAULT_JITTER = 0.2;

  /** 1 h: daily sending quotas (250 a day at GoDaddy) reopen on a rolling window. */
  public static final Duration DEFAULT_QUOTA_DEFERRAL = Duration.ofHours(1);

  /** Validates the bounds. */
  public RetrySettings {
    if (maxAttempts < 1) {
      throw new ConfigurationException("maxAttempts", maxAttempts + " must be at least 1");
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new ConfigurationException("initialBackoff", "must be zero or positive");
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new ConfigurationException("maxBackoff", "must be at least initialBackoff");
    }
    if (jitter < 0 || jitter > 1) {
      throw new ConfigurationException("jitter", jitter + " is outside 0-1");
    }
    if (quotaDeferral == null || quotaDeferral.isNegative()) {
      throw new ConfigurationException("quotaDeferral", "must be zero or positive");
    }
  }

  /** The defaults above. */
  public static RetrySettings defaults() {
    return new RetrySettings(
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_INITIAL_BACKOFF,
        DEFAULT_MAX_BACKOFF,
        DEFAULT_JITTER,
        DEFAULT_QUOTA_DEFERRAL);
  }

  /** The wait after attempt number {@code attempt} (from 1), before jitter. */
  public Duration backoff(int attempt) {
    long factor = 1L << Math.min(30, Math.max(0, attempt - 1));
    Duration wait = initialBackoff.multipliedBy(factor);
    return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
  }

  /**
   * When to try again after attempt number {@code attempts} failed: {@link #backoff} spread by
   * {@link #jitter()} in either direction, drawn from {@code random}.
   */
  public Instant nextAttemptAt(int attempts, Instant now, RandomGenerator random) {
    double spread = jitter * (2 * random.nextDouble() - 1);
    long millis = Math.max(0, Math.round(backoff(attempts).toMillis() * (1 + spread)));
    return now.plusMillis(millis);
  }

  /** When to try again after a full quota: {@link #quotaDeferral()} from {@code now}. */
  public Instant afterQuotaDeferral(Instant now) {
    return now.plus(quotaDeferral);
  }
}
