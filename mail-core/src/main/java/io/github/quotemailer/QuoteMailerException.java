package io.github.quotemailer;

/**
 * Root of every exception QuoteMailer throws. Unchecked, so host code handles only the subtypes it
 * acts on: {@link InvalidInputException}, {@link DeliveryException} and {@link StorageException}.
 */
public class QuoteMailerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message says what happened and what to do. */
  public QuoteMailerException(String message) {
    super(message);
  }

  /** Creates an exception with its cause. */
  public QuoteMailerException(String message, Throwable cause) {
    super(message, cause);
  }
}
