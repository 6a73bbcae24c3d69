package io.github.quotemailer.oauth2.http;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenException.Kind;
import io.github.quotemailer.smtp.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads the answers of the device flow's two endpoints (RFC 8628 sections 3.2 and 3.5). */
final class DeviceAnswers {
  private DeviceAnswers() {}

  /**
   * The authorization in a successful answer of the device authorization endpoint.
   *
   * @throws TokenException {@link Kind#UNAVAILABLE} when a required field is missing or unusable
   */
  static DeviceAuthorization authorization(OAuth2Client client, Reply reply, Instant issuedAt) {
    if (reply.json().isEmpty()) {
      throw reply.unusable("its body is not a JSON object");
    }
    Secret deviceCode = secret(reply, required(reply, "device_code"));
    String userCode = ServerText.firstLine(required(reply, "user_code"), 200);
    // RFC 8628 names it verification_uri; Google still sends verification_url.
    String page =
        reply
            .text("verification_uri")
            .or(() -> reply.text("verification_url"))
            .orElseThrow(() -> reply.unusable("it holds no verification_uri"));
    long expiresIn =
        reply.seconds("expires_in").orElseThrow(() -> reply.unusable("it holds no expires_in"));
    long interval = reply.seconds("interval").orElse(DeviceCodeFlow.DEFAULT_INTERVAL.toSeconds());
    try {
      return new DeviceAuthorization(
          client,
          deviceCode,
          userCode,
          URI.create(page.strip()),
          reply.text("verification_uri_complete").map(u -> URI.create(u.strip())),
          reply
              .text("message")
              .map(m -> ServerText.firstLine(m, DeviceAuthorization.MAX_MESSAGE_LENGTH)),
          Duration.ofSeconds(interval),
          Duration.ofSeconds(expiresIn),
          issuedAt);
    } catch (InvalidInputException | IllegalArgumentException e) {
      throw reply.unusable("it cannot be used: " + e.getMessage());
    }
  }

  /**
   * The refresh token in a successful answer of the token endpoint.
   *
   * @throws TokenException {@link Kind#CLIENT_REJECTED} when there is none
   */
  static Secret refreshToken(Reply reply) {
    return HttpTokenProvider.tokenResponse(reply, Optional.empty())
        .refreshToken()
        .orElseThrow(
            () ->
                new TokenException(
                    Kind.CLIENT_REJECTED,
                    "",
                    "the sign-in succeeded but "
                        + reply.where()
                        + " returned no refresh token: the scope must ask for one (for Microsoft,"
                        + " include offline_access)"));
  }

  /** The failure a poll answer other than {@code authorization_pending} or slow_down stands for. */
  static TokenException pollRefused(Reply reply, String error) {
    return switch (error) {
      // RFC 8628 says access_denied; Microsoft's device flow says authorization_declined.
      case "access_denied", "authorization_declined" ->
          new TokenException(
              Kind.REVOKED,
              error,
              error
                  + ": the sign-in was declined; start again and accept to connect the"
                  + " mailbox");
      case "expired_token" ->
          new TokenException(
              Kind.REVOKED,
              error,
              "expired_token: the code expired before the sign-in finished; start again");
      default -> TokenErrors.failureOf(reply);
    };
  }

  private static String required(Reply reply, String field) {
    return reply.text(field).orElseThrow(() -> reply.unusable("it holds no " + field));
  }

  private static Secret secret(Reply reply, String value) {
    try {
      return Secret.of(value);
    } catch (InvalidInputException e) {
      throw reply.unusable("its device_code is over-long or has a line break");
    }
  }
}
