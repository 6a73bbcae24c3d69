package io.github.quotemailer.identity;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * When the company sender is used instead of the salesperson's own account, keyed by reply class.
 * The defaults follow the README's "Who sends: the fallback table": rejected credentials fall back
 * at once and mark the settings; a refused session or TLS failure falls back at once; an
 * unavailable server is retried first; a full quota defers; a rejected recipient fails.
 */
public final class FallbackPolicy {
  /** Two tries on the user's server before falling back: one blip should not change the sender. */
  public static final int DEFAULT_OWN_ACCOUNT_ATTEMPTS = 2;

  /**
   * One second between those tries: enough for a dropped connection, short for a person waiting.
   */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

  private final Map<SmtpReplyClass, FallbackAction> actions;
  private final int ownAccountAttempts;
  private final Duration retryDelay;
  private final boolean requireVerified;

  private FallbackPolicy(Builder builder) {
    this.actions = new EnumMap<>(builder.actions);
    this.ownAccountAttempts = builder.ownAccountAttempts;
    this.retryDelay = builder.retryDelay;
    this.requireVerified = builder.requireVerified;
  }

  /** The default policy: the README's "Who sends: the fallback table". */
  public static FallbackPolicy defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** What to do after the own account failed with {@code replyClass}. */
  public FallbackAction onFailure(SmtpReplyClass replyClass) {
    return actions.getOrDefault(replyClass, FallbackAction.FAIL);
  }

  /** How many times the own account is tried for {@link FallbackAction#RETRY_THEN_FALL_BACK}. */
  public int ownAccountAttempts() {
    return ownAccountAttempts;
  }

  /** Pause between those tries. */
  public Duration retryDelay() {
    return retryDelay;
  }

  /**
   * Whether settings must have passed a real login before they are used; unverified ones send
   * through the company account with {@link ResolutionReason#NOT_VERIFIED}.
   */
  public boolean requireVerified() {
    return requireVerified;
  }

  /**
   * The reason recorded when the company account sends after {@code replyClass}: rejected
   * credentials or sender, a used-up quota, or else (unreachable, transient, TLS failure, refused
   * session) an unavailable own account.
   */
  public static ResolutionReason reasonFor(SmtpReplyClass replyClass) {
    if (replyClass == SmtpReplyClass.TOKEN_REVOKED) {
      return ResolutionReason.TOKEN_REVOKED;
    }
    if (replyClass.rejectsCredentials()) {
      return ResolutionReason.OWN_ACCOUNT_REJECTED;
    }
    return replyClass == SmtpReplyClass.QUOTA
        ? ResolutionReason.OWN_ACCOUNT_QUOTA
        : ResolutionReason.OWN_ACCOUNT_UNAVAILABLE;
  }

  /** Builds a {@link FallbackPolicy}. */
  public static final class Builder {
    private final Map<SmtpReplyClass, FallbackAction> actions = new EnumMap<>(SmtpReplyClass.class);
    private int ownAccountAttempts = DEFAULT_OWN_ACCOUNT_ATTEMPTS;
    private Duration retryDelay = DEFAULT_RETRY_DELAY;
    private boolean requireVerified = true;

    private Builder() {
      actions.put(SmtpReplyClass.AUTH_REJECTED, FallbackAction.FALL_BACK_AND_MARK_REJECTED);
      actions.put(SmtpReplyClass.BASIC_AUTH_DISABLED, FallbackAction.FALL_BACK_AND_MARK_REJECTED);
      actions.put(SmtpReplyClass.TOKEN_REVOKED, FallbackAction.FALL_BACK_AND_MARK_REJECTED);
      actions.put(SmtpReplyClass.SENDER_NOT_OWNED, FallbackAction.FALL_BACK_AND_MARK_REJECTED);
      actions.put(SmtpReplyClass.TRANSIENT, FallbackAction.RETRY_THEN_FALL_BACK);
      actions.put(SmtpReplyClass.UNREACHABLE, FallbackAction.RETRY_THEN_FALL_BACK);
      actions.put(SmtpReplyClass.TLS_FAILURE, FallbackAction.FALL_BACK);
      // The user's server refused this client (HELO name, client host), not the user's password.
      actions.put(SmtpReplyClass.SESSION_REJECTED, FallbackAction.FALL_BACK);
      actions.put(SmtpReplyClass.QUOTA, FallbackAction.DEFER);
      actions.put(SmtpReplyClass.RECIPIENT_REJECTED, FallbackAction.FAIL);
      actions.put(SmtpReplyClass.MESSAGE_REJECTED, FallbackAction.FAIL);
    }

    /** Sets the action for one reply class. */
    public Builder on(SmtpReplyClass replyClass, FallbackAction action) {
      if (replyClass == SmtpReplyClass.ACCEPTED) {
        throw new ConfigurationException("replyClass", "ACCEPTED is not a failure");
      }
      actions.put(replyClass, action);
      return this;
    }

    /** Sets how many times the own account is tried before falling back (at least 1). */
    public Builder ownAccountAttempts(int attempts) {
      if (attempts < 1) {
        throw new ConfigurationException("ownAccountAttempts", attempts + " must be at least 1");
      }
      this.ownAccountAttempts = attempts;
      return this;
    }

    /** Sets the pause between own-account tries. */
    public Builder retryDelay(Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new ConfigurationException("retryDelay", "must be zero or positive");
      }
      this.retryDelay = delay;
      return this;
    }

    /** Whether unverified settings are skipped (default true). */
    public Builder requireVerified(boolean requireVerified) {
      this.requireVerified = requireVerified;
      return this;
    }

    /** Builds the policy. */
    public FallbackPolicy build() {
      return new FallbackPolicy(this);
    }
  }
}
