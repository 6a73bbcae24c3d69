package io.github.quotemailer.examples;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.DeliveryException;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.OutcomeUnknownException;
import io.github.quotemailer.StorageException;

/**
 * The command line's exit codes, one per kind of failure a calling script acts on differently. The
 * README's "Exit codes" table lists the same values.
 */
public final class ExitCodes {
  /** The command did what it was asked. */
  public static final int OK = 0;

  /**
   * Any other failure: a check that did not pass ({@code users verify}), a PDF that could not be
   * rendered, an unexpected error.
   */
  public static final int FAILURE = 1;

  /**
   * Bad input, nothing sent or stored: a wrong or missing option, an unreadable quote file, an
   * invalid address. Fix the command and run it again. Also picocli's own code for a usage error.
   */
  public static final int BAD_INPUT = 2;

  /**
   * The configuration is wrong, nothing sent: a missing or invalid key in the {@code --config}
   * file, or a mailer or worker setting out of range. Fix the file, not the command.
   */
  public static final int CONFIGURATION = 3;

  /**
   * The quote was not delivered: the server refused it or could not be reached. The message names
   * the SMTP reply class; a transient one may be retried later.
   */
  public static final int DELIVERY_FAILED = 4;

  /**
   * The connection failed after the message was handed over: the quote may have been delivered. Do
   * not send it again blindly; look its Message-ID up in the delivery log first.
   */
  public static final int OUTCOME_UNKNOWN = 5;

  /** The database could not be read or written: it is down, read-only, or the URL is wrong. */
  public static final int STORAGE = 6;

  private ExitCodes() {}

  /**
   * The exit code for a command that threw {@code failure}. Subclasses are checked before their
   * parents: a {@link ConfigurationException} is also an {@link InvalidInputException}, an {@link
   * OutcomeUnknownException} also a {@link DeliveryException}.
   */
  public static int of(Throwable failure) {
    if (failure instanceof ConfigurationException) {
      return CONFIGURATION;
    }
    if (failure instanceof InvalidInputException) {
      return BAD_INPUT;
    }
    if (failure instanceof OutcomeUnknownException) {
      return OUTCOME_UNKNOWN;
    }
    if (failure instanceof DeliveryException) {
      return DELIVERY_FAILED;
    }
    if (failure instanceof StorageException) {
      return STORAGE;
    }
    return FAILURE;
  }
}
