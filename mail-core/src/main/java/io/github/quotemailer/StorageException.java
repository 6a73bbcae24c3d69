package io.github.quotemailer;

/** A storage port (settings, delivery log, outbox) could not read or write. */
public class StorageException extends QuoteMailerException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its cause. */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception. */
  public StorageException(String message) {
    super(message);
  }
}
