package io.github.quotemailer.smtp;

/**
 * What an SMTP outcome means for the sender. Every reply (and client-side failure) is classified
 * into one of these first; the fallback policy then decides per class.
 */
public enum SmtpReplyClass {
  /** The server accepted the message (2xx after DATA) or the verification passed. */
  ACCEPTED(false),
  /** Login rejected: 535, or enhanced status 5.7.8. Retrying would only lock the mailbox. */
  AUTH_REJECTED(true),
  /**
   * The provider switched password logins over SMTP off: enhanced status 5.7.30, or Microsoft's
   * 5.7.139 (SMTP AUTH disabled for the tenant or mailbox, or blocked by security defaults). The
   * mailbox needs an OAuth2 grant.
   */
  BASIC_AUTH_DISABLED(true),
  /**
   * The account's OAuth2 grant was revoked or has expired ({@code invalid_grant} from the token
   * endpoint): the user must connect the mailbox again.
   */
  TOKEN_REVOKED(true),
  /** The account may not send as that address: 550/553 with 5.7.1 at MAIL FROM. */
  SENDER_NOT_OWNED(true),
  /**
   * A recipient does not exist or its mailbox refuses mail: 5.1.x or a mailbox 5.2.x (disabled,
   * full, message too large for it), or a 5xx at RCPT without an enhanced status code. No other
   * sender helps.
   */
  RECIPIENT_REJECTED(true),
  /**
   * The server refused this client or session, not the message or the recipient: HELO name, client
   * host, policy (a 5xx to EHLO/HELO, or a 5.5.x, 5.7.x, 5.3.x, 5.4.x... at RCPT); another sender
   * may deliver it.
   */
  SESSION_REJECTED(true),
  /**
   * The sending quota or rate limit of the identity is reached: 5.4.5, Microsoft's 5.7.232/5.7.233
   * (tenant external recipient limit) and "QuotaExceeded", any text saying "quota" or "limit
   * exceeded", or a 421/451 saying "limit".
   */
  QUOTA(false),
  /** Try again later: 4xx replies, timeouts, dropped connections. */
  TRANSIENT(false),
  /** TLS could not be established: untrusted certificate, wrong host name, no STARTTLS offered. */
  TLS_FAILURE(true),
  /** Nobody answers at that host and port (refused, unknown host, no route). */
  UNREACHABLE(false),
  /** Any other permanent 5xx rejection of the message (size, content, policy). */
  MESSAGE_REJECTED(true);

  private final boolean permanent;

  SmtpReplyClass(boolean permanent) {
    this.permanent = permanent;
  }

  /** Whether sending the same message the same way again cannot succeed. */
  public boolean isPermanent() {
    return permanent;
  }

  /** Whether this class says the credentials of the account are not usable for sending. */
  public boolean rejectsCredentials() {
    return this == AUTH_REJECTED
        || this == BASIC_AUTH_DISABLED
        || this == TOKEN_REVOKED
        || this == SENDER_NOT_OWNED;
  }
}
