package io.github.quotemailer;

/**
 * Input was rejected before anything was sent or stored: a bad address, a header value with CR/LF
 * or NUL, missing quote data. The message names the offending field.
 */
public class InvalidInputException extends QuoteMailerException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** Creates the exception for {@code field}, explaining the problem in {@code problem}. */
  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The name of the rejected field, as the caller knows it (e.g. {@code customer.name}). */
  public String field() {
    return field;
  }
}
