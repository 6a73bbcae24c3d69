package io.github.quotemailer.identity;

/** Why a quote went out from the identity it did; recorded with every delivery attempt. */
public enum ResolutionReason {
  /** The salesperson's own, enabled and verified account authenticated. */
  OWN_ACCOUNT,
  /** The salesperson has no settings, or they are disabled: the company account sent. */
  NOT_CONFIGURED,
  /** The salesperson's settings were never verified by a real login: the company account sent. */
  NOT_VERIFIED,
  /**
   * The salesperson's server rejected the credentials or the sender address (now, or earlier and
   * not re-verified since): the company account sent.
   */
  OWN_ACCOUNT_REJECTED,
  /**
   * The salesperson's server kept failing (unreachable, timeouts, 4xx), failed TLS, or refused this
   * client or session (HELO name, client host): the company account sent.
   */
  OWN_ACCOUNT_UNAVAILABLE,
  /**
   * The salesperson's OAuth2 grant was revoked or has expired (now, or earlier and not connected
   * again since): the company account sent, and the user is asked to connect the mailbox again.
   */
  TOKEN_REVOKED,
  /**
   * The salesperson's sending limit was reached, or their provider answered that their quota is
   * used up, and the policy said to fall back.
   */
  OWN_ACCOUNT_QUOTA,
  /**
   * The salesperson's stored password cannot be decrypted (its key left the key ring, the stored
   * text was altered, or it was encrypted for another user id): the company account sent, and the
   * settings are marked {@link SettingsHealth.Status#UNREADABLE} until the password is set again.
   */
  SECRET_UNREADABLE
}
