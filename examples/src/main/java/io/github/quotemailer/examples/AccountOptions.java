package io.github.quotemailer.examples;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpServer;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that describe a user's own account, shared by {@code users set-smtp} and {@code users
 * connect-oauth}: who, which mailbox, which server, which sending limit.
 */
final class AccountOptions {
  @Option(names = "--user", required = true, description = "Host user id.")
  String userId;

  @Option(names = "--name", required = true, description = "Display name.")
  String name;

  @Option(names = "--address", required = true, description = "Mailbox address (From).")
  String address;

  @Option(names = "--username", description = "Login name; default: the address.")
  String username;

  @Option(
      names = "--host",
      description = "SMTP host; default: the provider's server, else the company server.")
  String host;

  @Option(names = "--port", description = "SMTP port (with --host).")
  Integer port;

  @Option(
      names = "--security",
      description = "IMPLICIT_TLS, STARTTLS_REQUIRED or PLAIN (with --host).")
  String security;

  @Option(
      names = "--limit",
      paramLabel = "COUNT/WINDOW",
      description =
          "This account's own sending limit, e.g. 250/24h or 30/1m; default: the one configured"
              + " for its SMTP host, else the provider's preset.")
  String limit;

  /**
   * The settings draft these options describe, on {@code server} when given (else the company
   * account's server).
   */
  UserSmtpSettings.Draft draft(Optional<SmtpServer> server) {
    UserSmtpSettings.Draft draft =
        UserSmtpSettings.draft(userId, EmailAddress.of("--address", address), name);
    if (username != null) {
      draft.username(username);
    }
    server.ifPresent(draft::server);
    if (limit != null) {
      draft.sendingLimit(SendingLimit.parse("--limit", limit));
    }
    return draft;
  }

  /** The server named by {@code --host}, {@code --port} and {@code --security}, if any. */
  Optional<SmtpServer> server() {
    if (host == null) {
      if (port != null || security != null) {
        throw new InvalidInputException("--host", "is required with --port or --security");
      }
      return Optional.empty();
    }
    if (port == null || security == null) {
      throw new InvalidInputException("--port", "--host needs --port and --security");
    }
    return Optional.of(SmtpServer.of(host, port, DemoConfig.security(security)));
  }
}
