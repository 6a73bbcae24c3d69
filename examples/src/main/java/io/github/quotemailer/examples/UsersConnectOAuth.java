package io.github.quotemailer.examples;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.OAuth2Provider;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.VerificationResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Saves a user's account as an OAuth2 grant (Microsoft 365, Google, or another provider) and
 * verifies it with a real XOAUTH2 login. The grant is stored either way, with its health.
 */
@Command(
    name = "connect-oauth",
    mixinStandardHelpOptions = true,
    description =
        "Save a user's account as an OAuth2 grant (XOAUTH2) and verify it. The refresh token comes"
            + " from standard input or from the device-code flow.")
final class UsersConnectOAuth implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Mixin AccountOptions account;

  @Option(
      names = "--provider",
      required = true,
      description = "microsoft, google or custom (presets: token endpoint, scope, server).")
  String provider;

  @Option(
      names = "--tenant",
      description =
          "Microsoft tenant id or domain (default: quotemailer.oauth2.microsoft.tenant, else"
              + " organizations).")
  String tenant;

  @Option(
      names = "--token-endpoint",
      description = "Token endpoint URL; overrides the preset (required for custom).")
  String tokenEndpoint;

  @Option(
      names = "--device-endpoint",
      description =
          "Device authorization endpoint for --device-code; overrides the preset (required for"
              + " custom).")
  String deviceEndpoint;

  @Option(
      names = "--client-id",
      description = "Application (client) id; default: quotemailer.oauth2.<provider>.client-id.")
  String clientId;

  @Option(
      names = "--client-secret-stdin",
      description = "Read the client secret from the first line of standard input.")
  boolean clientSecretStdin;

  @Option(names = "--scope", description = "Scopes; default: the provider's preset.")
  String scope;

  @ArgGroup(multiplicity = "1")
  TokenSource source;

  /** Where the first refresh token comes from: exactly one of the two. */
  static final class TokenSource {
    @Option(
        names = "--refresh-token-stdin",
        required = true,
        description = "Read the refresh token from the next line of standard input.")
    boolean stdin;

    @Option(
        names = "--device-code",
        required = true,
        description = "Run the device authorization flow: print a URL and code, then wait.")
    boolean deviceCode;
  }

  @Override
  public Integer call() throws IOException {
    DemoConfig cfg = config.load(spec);
    OAuth2Provider chosen = OAuth2Provider.parse("--provider", provider);
    // Everything that can be wrong is checked before the user is asked to sign in.
    UserSmtpSettings.Draft draft = account.draft(server(chosen));
    OAuth2Client client = client(cfg, chosen);
    Optional<URI> devicePage =
        Optional.ofNullable(deviceEndpoint).map(u -> uri("--device-endpoint", u));
    try (QuoteMailer mailer = cfg.mailer(cfg.stores())) {
      OAuth2Grant grant = grant(cfg, chosen, client, devicePage);
      UserSmtpSettings saved = mailer.userSettings().saveOAuth2(draft, grant);
      VerificationResult result = mailer.verify(saved);
      report(saved, result);
      return result.succeeded() ? 0 : 1;
    }
  }

  /** The grant: client secret and refresh token from standard input, or the device flow. */
  private OAuth2Grant grant(
      DemoConfig cfg, OAuth2Provider chosen, OAuth2Client client, Optional<URI> devicePage)
      throws IOException {
    BufferedReader stdin =
        new BufferedReader(
            new InputStreamReader(QuoteMailerCli.root(spec).stdin(), StandardCharsets.UTF_8));
    Optional<Secret> clientSecret =
        clientSecretStdin
            ? Optional.of(Secret.of(line(stdin, "--client-secret-stdin", "client secret")))
            : cfg.optional(key(chosen, "client-secret")).map(Secret::of);
    Secret refreshToken =
        source.stdin
            ? Secret.of(line(stdin, "--refresh-token-stdin", "refresh token"))
            : DeviceCodeCommand.refreshToken(
                spec, chosen, tenant(cfg), devicePage, client, clientSecret);
    return clientSecret.isPresent()
        ? OAuth2Grant.of(client, refreshToken, clientSecret.get())
        : OAuth2Grant.of(client, refreshToken);
  }

  /** An option's URL, or bad input naming the option. */
  private static URI uri(String option, String value) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new InvalidInputException(option, "'" + value + "' is not a URL");
    }
  }

  private OAuth2Client client(DemoConfig cfg, OAuth2Provider chosen) {
    String id =
        Optional.ofNullable(clientId)
            .or(() -> cfg.optional(key(chosen, "client-id")))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "--client-id", "is required (or " + key(chosen, "client-id") + ")"));
    URI endpoint =
        tokenEndpoint != null
            ? uri("--token-endpoint", tokenEndpoint)
            : chosen.tokenEndpoint(tenant(cfg));
    String scopes =
        Optional.ofNullable(scope)
            .or(chosen::scope)
            .orElseThrow(() -> new InvalidInputException("--scope", "is required for custom"));
    return new OAuth2Client(chosen, endpoint, id, scopes);
  }

  private String tenant(DemoConfig cfg) {
    return tenant != null
        ? tenant
        : cfg.optional("quotemailer.oauth2.microsoft.tenant").orElse(null);
  }

  /** The explicit server, else the provider's: a custom provider needs {@code --host}. */
  private Optional<SmtpServer> server(OAuth2Provider chosen) {
    Optional<SmtpServer> explicit = account.server();
    if (explicit.isEmpty() && chosen.smtpServer().isEmpty()) {
      throw new InvalidInputException("--host", "is required for the custom provider");
    }
    return explicit.or(chosen::smtpServer);
  }

  private void report(UserSmtpSettings saved, VerificationResult result) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "saved %s settings of %s (%s)%n",
        saved.credential().kind(), saved.userId(), saved.address());
    out.printf(
        "user=%s identity=%s result=%s reply=\"%s\"%n",
        saved.userId(), saved.address(), result.reply().replyClass(), result.reply().describe());
  }

  static String key(OAuth2Provider provider, String name) {
    return "quotemailer.oauth2." + provider.name().toLowerCase(Locale.ROOT) + "." + name;
  }

  private static String line(BufferedReader in, String option, String what) throws IOException {
    String line = in.readLine();
    if (line == null || line.isEmpty()) {
      throw new InvalidInputException(option, "no " + what + " on standard input");
    }
    return line;
  }
}
