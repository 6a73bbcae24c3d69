package io.github.quotemailer.oauth2;

import io.github.quotemailer.QuoteMailerException;

/**
 * A token endpoint refused a refresh-token grant or could not be asked. Its {@link #kind()} comes
 * from the response's {@code error} field (RFC 6749 section 5.2), never from the description text;
 * the message carries both, and never a token.
 */
public final class TokenException extends QuoteMailerException {
  private static final long serialVersionUID = 1L;

  /** What the failure means for the account. */
  public enum Kind {
    /**
     * {@code invalid_grant}: the refresh token was revoked or expired, consent was withdrawn, or a
     * conditional access policy blocks it. The user must connect the mailbox again.
     */
    REVOKED,
    /**
     * {@code invalid_client}, {@code unauthorized_client}, {@code invalid_scope} and other refusals
     * of the app itself: the registration or its secret is wrong.
     */
    CLIENT_REJECTED,
    /**
     * The endpoint could not be reached, timed out, or answered 5xx or {@code
     * temporarily_unavailable}.
     */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String error;

  /**
   * A failure of {@code kind}; {@code error} is the response's {@code error} field (empty when
   * there was no response), {@code message} says what happened.
   */
  public TokenException(Kind kind, String error, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.error = error == null ? "" : error;
  }

  /** A failure without an underlying exception. */
  public TokenException(Kind kind, String error, String message) {
    this(kind, error, message, null);
  }

  /** What the failure means for the account. */
  public Kind kind() {
    return kind;
  }

  /** The response's {@code error} field, or empty when there was no response. */
  public String error() {
    return error;
  }
}
