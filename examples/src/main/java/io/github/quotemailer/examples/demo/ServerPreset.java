package io.github.quotemailer.examples.demo;

import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.util.Optional;

/** The servers the Users form offers, as a host's admin screen would. */
public enum ServerPreset {
  /** The demo's embedded mail server, implicit TLS. */
  DEMO_SMTPS,
  /** The demo's embedded mail server, STARTTLS. */
  DEMO_STARTTLS,
  /** GoDaddy (the old system's provider): smtpout.secureserver.net:465, implicit TLS. */
  GODADDY,
  /** Microsoft 365: smtp.office365.com:587, STARTTLS. */
  MICROSOFT_365,
  /** Google Workspace: smtp.gmail.com:465, implicit TLS. */
  GOOGLE,
  /** Host, port and security typed by the admin. */
  CUSTOM;

  /** The message key of the preset's name. */
  public String key() {
    return "preset." + name();
  }

  /** The preset's server, or empty for {@link #CUSTOM}. */
  Optional<SmtpServer> server(DemoMailServer mail) {
    switch (this) {
      case DEMO_SMTPS:
        return Optional.of(mail.implicitTls());
      case DEMO_STARTTLS:
        return Optional.of(mail.startTls());
      case GODADDY:
        return Optional.of(
            SmtpServer.of("smtpout.secureserver.net", 465, TransportSecurity.IMPLICIT_TLS));
      case MICROSOFT_365:
        return Optional.of(
            SmtpServer.of("smtp.office365.com", 587, TransportSecurity.STARTTLS_REQUIRED));
      case GOOGLE:
        return Optional.of(SmtpServer.of("smtp.gmail.com", 465, TransportSecurity.IMPLICIT_TLS));
      default:
        return Optional.empty();
    }
  }

  /** The preset matching {@code server}, or {@link #CUSTOM}. */
  static ServerPreset of(SmtpServer server, DemoMailServer mail) {
    for (ServerPreset preset : values()) {
      Optional<SmtpServer> s = preset.server(mail);
      if (s.isPresent()
          && s.get().host().equals(server.host())
          && s.get().port() == server.port()
          && s.get().security() == server.security()) {
        return preset;
      }
    }
    return CUSTOM;
  }
}
