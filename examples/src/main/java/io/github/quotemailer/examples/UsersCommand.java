package io.github.quotemailer.examples;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.jdbc.LegacyImport;
import io.github.quotemailer.jdbc.LegacyImportReport;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.VerificationReport;
import io.github.quotemailer.smtp.VerificationResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Admin commands for per-user SMTP settings. */
@Command(
    name = "users",
    description = "Manage salespeople's own SMTP settings.",
    subcommands = {
      UsersCommand.SetSmtp.class,
      UsersConnectOAuth.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Verify.class,
      UsersCommand.ImportLegacy.class
    })
final class UsersCommand {
  private UsersCommand() {}

  /** Saves (inserts or replaces) one user's settings; the password comes from standard input. */
  @Command(
      name = "set-smtp",
      mixinStandardHelpOptions = true,
      description = "Save a user's own SMTP account (upsert). The password is read from stdin.")
  static final class SetSmtp implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Mixin AccountOptions account;

    @Option(
        names = "--password-stdin",
        required = true,
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      DemoConfig cfg = config.load(spec);
      Secret password = readPassword();
      UserSmtpSettings.Draft draft = account.draft(account.server());
      UserSmtpSettings settings;
      try (QuoteMailer mailer = cfg.mailer(cfg.stores())) {
        settings = mailer.userSettings().save(draft, password);
      }
      spec.commandLine()
          .getOut()
          .printf(
              "saved SMTP settings of %s (%s, unverified%s); check them with: users verify --user"
                  + " %s%n",
              settings.userId(),
              settings.address(),
              settings.sendingLimit().map(l -> ", sending limit " + l).orElse(""),
              settings.userId());
      return 0;
    }

    private Secret readPassword() throws IOException {
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(QuoteMailerCli.root(spec).stdin(), StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw new InvalidInputException("--password-stdin", "no password on standard input");
      }
      return Secret.of(line);
    }
  }

  /** Lists every user's settings; never shows a password. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List users' SMTP settings.")
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Override
    public Integer call() {
      UserSmtpRepository users = config.load(spec).stores().userSettings();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%-16s %-32s %-24s %-36s %-20s %-10s %-8s %-14s %-20s %s%n",
          "USER", "ADDRESS", "NAME", "SERVER", "LOGIN", "LIMIT", "ENABLED", "HEALTH", "CHECKED",
          "REPLY");
      for (UserSmtpSettings s : users.list()) {
        out.printf(
            "%-16s %-32s %-24s %-36s %-20s %-10s %-8s %-14s %-20s %s%n",
            s.userId(),
            s.address(),
            s.displayName(),
            s.server().map(SmtpServer::toString).orElse("(company server)"),
            s.credential().kind(),
            s.sendingLimit().map(SendingLimit::toString).orElse("(default)"),
            s.enabled() ? "yes" : "no",
            s.health().status(),
            s.health().checkedAt().map(Object::toString).orElse("-"),
            s.health().serverReply().map(r -> "\"" + r + "\"").orElse("-"));
      }
      return 0;
    }
  }

  /** Verifies a user's stored settings with a real login; nothing is sent. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Test a user's (or every user's) stored settings: login and envelope probe, nothing is"
              + " sent.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--user", description = "Host user id.")
    String userId;

    @Option(names = "--all", description = "Verify every enabled user's stored settings.")
    boolean all;

    @Option(
        names = "--concurrency",
        description = "Logins at a time with --all (1-32, default: ${DEFAULT-VALUE}).")
    int concurrency = QuoteMailer.DEFAULT_VERIFY_CONCURRENCY;

    @Override
    public Integer call() {
      if (all == (userId != null)) {
        throw new InvalidInputException("--user", "give either --user ID or --all");
      }
      DemoConfig cfg = config.load(spec);
      JdbcStores stores = cfg.stores();
      try (QuoteMailer mailer = cfg.mailer(stores)) {
        return all ? verifyAll(mailer) : verifyOne(mailer, stores);
      }
    }

    private int verifyAll(QuoteMailer mailer) {
      VerificationReport report = mailer.verifyAll(concurrency);
      PrintWriter out = spec.commandLine().getOut();
      report
          .results()
          .forEach(
              (user, result) -> out.printf("user=%s %s%n", user, ResultLine.of(result.reply())));
      report
          .problems()
          .forEach((user, problem) -> out.printf("user=%s unchecked: %s%n", user, problem));
      out.println(report.summary());
      return report.succeeded() == report.results().size() && report.problems().isEmpty() ? 0 : 1;
    }

    private int verifyOne(QuoteMailer mailer, JdbcStores stores) {
      UserSmtpSettings settings =
          stores
              .userSettings()
              .find(userId)
              .orElseThrow(
                  () ->
                      new InvalidInputException("--user", "'" + userId + "' has no SMTP settings"));
      VerificationResult result = mailer.verify(settings);
      spec.commandLine()
          .getOut()
          .printf(
              "user=%s identity=%s %s%n",
              userId, settings.address(), ResultLine.of(result.reply()));
      return result.succeeded() ? 0 : 1;
    }
  }

  /** Moves plain-text SMTP passwords from a legacy host table into encrypted settings. */
  @Command(
      name = "import-legacy",
      mixinStandardHelpOptions = true,
      description =
          "Import users' SMTP columns from a legacy table (read-only unless --clear-plain-text).")
  static final class ImportLegacy implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--table", description = "Host table (default: ${DEFAULT-VALUE}).")
    String table = LegacyImport.seedDefaults().table();

    @Option(names = "--id-column", description = "User id column (default: ${DEFAULT-VALUE}).")
    String idColumn = LegacyImport.seedDefaults().idColumn();

    @Option(
        names = "--name-column",
        description =
            "Display name column (default: ${DEFAULT-VALUE}); empty (--name-column=) to show the"
                + " address's local part.")
    String nameColumn = LegacyImport.seedDefaults().nameColumn();

    @Option(
        names = "--address-column",
        description = "SMTP address column (default: ${DEFAULT-VALUE}).")
    String addressColumn = LegacyImport.seedDefaults().smtpAddressColumn();

    @Option(
        names = "--password-column",
        description = "Plain-text password column (default: ${DEFAULT-VALUE}).")
    String passwordColumn = LegacyImport.seedDefaults().smtpPasswordColumn();

    @Option(
        names = "--clear-plain-text",
        description = "After importing, blank the plain-text password column.")
    boolean clearPlainText;

    @Override
    public Integer call() {
      DemoConfig cfg = config.load(spec);
      JdbcStores stores = cfg.stores();
      LegacyImport options =
          new LegacyImport(
              table,
              idColumn,
              nameColumn == null || nameColumn.isBlank() ? null : nameColumn,
              addressColumn,
              passwordColumn,
              clearPlainText,
              Optional.empty());
      LegacyImportReport report = stores.importLegacy(options, SecretCipher.create(cfg.keyRing()));
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "imported=%d skipped=%d invalid=%d%n",
          report.imported(), report.skipped(), report.invalid());
      report.problems().forEach(p -> out.println("  " + p));
      return 0;
    }
  }
}
