package io.github.quotemailer;

/**
 * A mailer, worker or store was built or configured wrong: a missing company sender, a worker with
 * no threads, a trust store that cannot be read. It is an {@link InvalidInputException} whose field
 * names the setting, so it is thrown before anything is sent; unlike bad input in a quote it is
 * fixed in the host's wiring or configuration file, not by the person who moved the deal. Thrown by
 * {@code build()} wherever the problem can be known then.
 */
public class ConfigurationException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the setting {@code setting}, explaining {@code problem}. */
  public ConfigurationException(String setting, String problem) {
    super(setting, problem);
  }
}
