package io.github.quotemailer.internal.pipeline;

import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.internal.pipeline.NextStep.Kind;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.util.Optional;

/**
 * The README's "Who sends: the fallback table", in one place and free of I/O: which sender to try
 * first, and what follows a failed attempt. Both the direct and the queued path ask it; they differ
 * only in how they carry the answer out, and in the {@link Budget} they give it.
 */
public final class FallbackDecision {
  /** Whether the caller can wait out a company account that fails for good (login, certificate). */
  public enum CompanyFailures {
    /** A person is waiting: report it at once. */
    REPORT_AT_ONCE,
    /** The entry stays queued and is retried until an operator fixes the company account. */
    WAIT_UNTIL_FIXED
  }

  /**
   * How many tries each sender gets.
   *
   * @param ownAccountTries tries of the user's own account for a retryable failure
   * @param companyTries tries of the company account
   * @param companyFailures what a permanent company failure does
   */
  public record Budget(int ownAccountTries, int companyTries, CompanyFailures companyFailures) {}

  /** Which sender made the failed attempt. */
  public enum Sender {
    OWN_ACCOUNT,
    COMPANY
  }

  /** How the failed attempt ended. */
  public enum Ending {
    /** The server answered (or the connection failed) before it could have the message. */
    REPLY,
    /** The connection failed after DATA was accepted and before the server's reply. */
    NO_REPLY_AFTER_DATA
  }

  private final FallbackPolicy policy;
  private final Budget budget;

  /** A decision following {@code policy} within {@code budget}. */
  public FallbackDecision(FallbackPolicy policy, Budget budget) {
    this.policy = policy;
    this.budget = budget;
  }

  /**
   * For a direct send, where a person waits: each sender gets the policy's tries, in the caller's
   * thread, and a company account failing for good is reported at once.
   */
  public static FallbackDecision forDirectSend(FallbackPolicy policy) {
    int tries = policy.ownAccountAttempts();
    return new FallbackDecision(policy, new Budget(tries, tries, CompanyFailures.REPORT_AT_ONCE));
  }

  /**
   * For the outbox: the own account gets the policy's tries, the company account the retry
   * settings' attempts, and a company account failing for good is waited out.
   */
  public static FallbackDecision forQueue(FallbackPolicy policy, RetrySettings retry) {
    return new FallbackDecision(
        policy,
        new Budget(
            policy.ownAccountAttempts(), retry.maxAttempts(), CompanyFailures.WAIT_UNTIL_FIXED));
  }

  /**
   * The sender to try first for a user with {@code settings}: {@link ResolutionReason#OWN_ACCOUNT}
   * or the reason the company account sends instead. An own account whose password then cannot be
   * decrypted becomes {@link ResolutionReason#SECRET_UNREADABLE} where it is decrypted.
   */
  public ResolutionReason firstSender(Optional<UserSmtpSettings> settings) {
    // No settings, or switched off by an admin: the company account, nothing to mark.
    if (settings.isEmpty() || !settings.get().enabled()) {
      return ResolutionReason.NOT_CONFIGURED;
    }
    SettingsHealth.Status health = settings.get().health().status();
    // Rejected earlier and not verified since: skipped, so a mailbox is never hammered into
    // lock-out.
    if (health == SettingsHealth.Status.REJECTED) {
      return ResolutionReason.OWN_ACCOUNT_REJECTED;
    }
    // The OAuth2 grant was revoked earlier: skipped until the mailbox is connected again.
    if (health == SettingsHealth.Status.TOKEN_REVOKED) {
      return ResolutionReason.TOKEN_REVOKED;
    }
    // Marked unreadable earlier: skipped until the password is set again.
    if (health == SettingsHealth.Status.UNREADABLE) {
      return ResolutionReason.SECRET_UNREADABLE;
    }
    // Never proven by a real login, and the policy wants proof first.
    if (health == SettingsHealth.Status.UNVERIFIED && policy.requireVerified()) {
      return ResolutionReason.NOT_VERIFIED;
    }
    return ResolutionReason.OWN_ACCOUNT;
  }

  /**
   * What follows an attempt by {@code sender} that ended with {@code replyClass}, {@code tries}
   * being how many times this sender has now tried this email.
   */
  public NextStep afterFailure(Sender sender, SmtpReplyClass replyClass, Ending ending, int tries) {
    // The server may have the message: resending blindly could deliver it twice.
    if (ending == Ending.NO_REPLY_AFTER_DATA) {
      return NextStep.of(Kind.OUTCOME_UNKNOWN);
    }
    return sender == Sender.COMPANY
        ? afterCompanyFailure(replyClass, tries)
        : afterOwnFailure(replyClass, tries);
  }

  /**
   * What follows when {@code sender} may not send now: its sending limit is reached, or it is
   * paused after its provider's quota reply. Never marks the settings and never gives up.
   */
  public NextStep whenRefused(Sender sender) {
    // The company account has no one to fall back to: wait for its window to reopen.
    if (sender == Sender.COMPANY) {
      return NextStep.of(Kind.DEFER);
    }
    return onFullQuota();
  }

  /**
   * The policy's action for {@link SmtpReplyClass#QUOTA}, kept to the two steps a full quota
   * allows: fall back without marking the settings, or defer.
   */
  private NextStep onFullQuota() {
    FallbackAction action = policy.onFailure(SmtpReplyClass.QUOTA);
    // A full quota says nothing about the credentials, and waiting always ends it: a policy that
    // would mark them, or give up, falls back unmarked or defers instead.
    boolean fallsBack =
        action == FallbackAction.FALL_BACK
            || action == FallbackAction.FALL_BACK_AND_MARK_REJECTED
            || action == FallbackAction.RETRY_THEN_FALL_BACK;
    return fallsBack
        ? NextStep.fallBack(Kind.FALL_BACK, ResolutionReason.OWN_ACCOUNT_QUOTA)
        : NextStep.of(Kind.DEFER);
  }

  private NextStep afterCompanyFailure(SmtpReplyClass replyClass, int tries) {
    // The company's own quota is used up: retrying before its window reopens cannot help.
    if (replyClass == SmtpReplyClass.QUOTA) {
      return NextStep.of(Kind.DEFER);
    }
    // The message or its recipients are wrong for good: no sender and no wait would help.
    if (replyClass == SmtpReplyClass.RECIPIENT_REJECTED
        || replyClass == SmtpReplyClass.MESSAGE_REJECTED) {
      return NextStep.of(Kind.GIVE_UP);
    }
    // A failing company login, certificate or refused session (HELO name, client host) is an
    // operator's problem; a person waiting hears now.
    if (replyClass.isPermanent() && budget.companyFailures() == CompanyFailures.REPORT_AT_ONCE) {
      return NextStep.of(Kind.GIVE_UP);
    }
    // The company account's tries ran out.
    if (tries >= budget.companyTries()) {
      return NextStep.of(Kind.GIVE_UP);
    }
    return NextStep.of(Kind.RETRY_SAME_SENDER);
  }

  private NextStep afterOwnFailure(SmtpReplyClass replyClass, int tries) {
    // A full quota is no reason to suspect the credentials or to give the quote up.
    if (replyClass == SmtpReplyClass.QUOTA) {
      return onFullQuota();
    }
    FallbackAction action = policy.onFailure(replyClass);
    ResolutionReason reason = FallbackPolicy.reasonFor(replyClass);
    // Another sender would not help (a rejected recipient, by default).
    if (action == FallbackAction.FAIL) {
      return NextStep.of(Kind.GIVE_UP);
    }
    // The host's policy defers this class: wait, the entry is not given up.
    if (action == FallbackAction.DEFER) {
      return NextStep.of(Kind.DEFER);
    }
    // One blip should not change the sender: retry the user's server first.
    if (action == FallbackAction.RETRY_THEN_FALL_BACK && tries < budget.ownAccountTries()) {
      return NextStep.of(Kind.RETRY_SAME_SENDER);
    }
    // Rejected credentials or sender: skip these settings until they are verified again.
    if (action == FallbackAction.FALL_BACK_AND_MARK_REJECTED) {
      return NextStep.fallBack(Kind.FALL_BACK_AND_MARK_REJECTED, reason);
    }
    return NextStep.fallBack(Kind.FALL_BACK, reason);
  }

  /**
   * Whether a queued retry of an email sent with {@code reason} should go straight to the company
   * account: once the user's own account was given up for an email, its retries do not try it
   * again.
   */
  public static boolean retriesRemember(ResolutionReason reason) {
    return reason != ResolutionReason.OWN_ACCOUNT
        && reason != ResolutionReason.NOT_CONFIGURED
        && reason != ResolutionReason.NOT_VERIFIED;
  }
}
