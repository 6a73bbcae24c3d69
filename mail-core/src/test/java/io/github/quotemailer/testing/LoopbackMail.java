package io.github.quotemailer.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * A GreenMail server on 127.0.0.1 and a free port, fresh for every test, whose mailboxes log in
 * with their address as the user name.
 */
public final class LoopbackMail {
  private LoopbackMail() {}

  /** Implicit TLS (SMTPS) with GreenMail's certificate, which {@link TestTls} trusts. */
  public static GreenMailExtension smtps(Map<String, String> passwordsByAddress) {
    return server(ServerSetup.PROTOCOL_SMTPS, passwordsByAddress);
  }

  /** Plain SMTP: loopback only. */
  public static GreenMailExtension smtp(Map<String, String> passwordsByAddress) {
    return server(ServerSetup.PROTOCOL_SMTP, passwordsByAddress);
  }

  private static GreenMailExtension server(String protocol, Map<String, String> passwords) {
    GreenMailConfiguration users = GreenMailConfiguration.aConfig();
    passwords.forEach((address, password) -> users.withUser(address, address, password));
    return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", protocol).dynamicPort())
        .withConfiguration(users)
        .withPerMethodLifecycle(true);
  }
}
