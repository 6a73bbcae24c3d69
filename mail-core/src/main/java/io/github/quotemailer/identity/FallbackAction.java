package io.github.quotemailer.identity;

/** What to do when the salesperson's own account fails with a given reply class. */
public enum FallbackAction {
  /** Send from the company account at once and mark the user's settings rejected. */
  FALL_BACK_AND_MARK_REJECTED,
  /** Send from the company account at once; the settings stay as they are. */
  FALL_BACK,
  /** Retry the same account (up to the policy's attempts), then send from the company account. */
  RETRY_THEN_FALL_BACK,
  /** Do not send now; try again later with the same account (e.g. until a quota window reopens). */
  DEFER,
  /** Fail permanently: another sender would not help (e.g. the recipient does not exist). */
  FAIL
}
