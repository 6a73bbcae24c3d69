package io.github.quotemailer.examples;

import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.OAuth2Provider;
import io.github.quotemailer.oauth2.http.DeviceAuthorization;
import io.github.quotemailer.oauth2.http.DeviceCodeFlow;
import io.github.quotemailer.smtp.Secret;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The device authorization flow on the command line: prints where to sign in and the code, then
 * waits (polling the token endpoint) until the user has consented, and returns the refresh token.
 */
final class DeviceCodeCommand {
  private DeviceCodeCommand() {}

  /**
   * A first refresh token for {@code client}, asked of {@code deviceEndpoint} when given, else of
   * the provider's preset device authorization endpoint.
   */
  static Secret refreshToken(
      CommandSpec spec,
      OAuth2Provider provider,
      String tenant,
      Optional<URI> deviceEndpoint,
      OAuth2Client client,
      Optional<Secret> clientSecret) {
    DeviceCodeFlow flow = DeviceCodeFlow.create();
    URI endpoint = deviceEndpoint.orElseGet(() -> provider.deviceAuthorizationEndpoint(tenant));
    DeviceAuthorization authorization = flow.start(client, endpoint, clientSecret);
    PrintWriter out = spec.commandLine().getOut();
    out.println(authorization.instructions());
    out.printf(
        "url=%s code=%s (waiting until %s)%n",
        authorization.verificationUri(), authorization.userCode(), authorization.expiresAt());
    out.flush();
    return flow.awaitRefreshToken(authorization, clientSecret);
  }
}
