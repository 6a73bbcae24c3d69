package io.github.quotemailer.smtp;

import io.github.quotemailer.Arguments;

/**
 * A login on an SMTP server.
 *
 * @param server where to connect
 * @param username the login name (often the mailbox address)
 * @param credential what it logs in with (a password, {@link Secret}); never shown by {@link
 *     #toString()}
 */
public record SmtpAccount(SmtpServer server, String username, Credential credential) {
  /** Validates all three parts. */
  public SmtpAccount {
    Arguments.present("smtp.server", server);
    username = Arguments.text("smtp.username", username, 254);
    Arguments.present("smtp.password", credential);
  }

  @Override
  public String toString() {
    return "SmtpAccount[" + username + " at " + server + "]";
  }
}
