package io.github.quotemailer.smtp;

/** How the connection to an SMTP server is protected. */
public enum TransportSecurity {
  /** TLS from the first byte (SMTPS, port 465), as GoDaddy's {@code smtpout.secureserver.net}. */
  IMPLICIT_TLS,
  /** Plain connect, then STARTTLS, which must succeed before AUTH (submission, port 587). */
  STARTTLS_REQUIRED,
  /**
   * No encryption at all. Only for loopback test servers: a password sent this way can be read by
   * anyone on the path, so the library refuses it for any host that is not a loopback address.
   */
  PLAIN
}
