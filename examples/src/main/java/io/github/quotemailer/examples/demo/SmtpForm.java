package io.github.quotemailer.examples.demo;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;

/**
 * The "Correo saliente" part of the user form, as posted. The password is write-only: it arrives
 * here and goes to the library, which encrypts it; no page ever shows it again.
 */
record SmtpForm(
    String address,
    String displayName,
    String username,
    ServerPreset preset,
    String host,
    String port,
    String security,
    String password,
    String limit,
    boolean enabled) {

  @Override
  public String toString() {
    return "SmtpForm["
        + address
        + ", "
        + preset
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + "]";
  }

  /** The server chosen: the preset's, or the typed host, port and security. */
  SmtpServer server(DemoMailServer mail) {
    return preset
        .server(mail)
        .orElseGet(
            () -> {
              String h = Arguments.text("smtp.host", host.trim(), 253);
              int p;
              try {
                p = Integer.parseInt(port.trim());
              } catch (NumberFormatException e) {
                throw new InvalidInputException("smtp.port", "must be a number from 1 to 65535");
              }
              TransportSecurity s;
              try {
                s = TransportSecurity.valueOf(security);
              } catch (IllegalArgumentException e) {
                throw new InvalidInputException("smtp.security", "is not a known security");
              }
              return SmtpServer.of(h, p, s);
            });
  }
}
