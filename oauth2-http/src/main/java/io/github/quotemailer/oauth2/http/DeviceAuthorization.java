package io.github.quotemailer.oauth2.http;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.smtp.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A started device authorization (RFC 8628 section 3.2): what the user must do on another device,
 * and what {@link DeviceCodeFlow#awaitRefreshToken} needs to wait for it. Text from the provider is
 * already cleaned of control characters, so it is safe to print.
 *
 * @param client the app the user is asked to authorize
 * @param deviceCode the code the app polls with; as secret as a token until it expires
 * @param userCode the code the user types at {@code verificationUri}
 * @param verificationUri where the user signs in ({@code verification_uri}, or Google's {@code
 *     verification_url})
 * @param verificationUriComplete the same page with the code filled in, when the provider gives one
 * @param message the provider's own instructions (Microsoft), when given
 * @param interval the least time between two polls (5 s when the provider names none)
 * @param expiresIn how long the codes are valid from {@code issuedAt}
 * @param issuedAt when the authorization was asked for
 */
public record DeviceAuthorization(
    OAuth2Client client,
    Secret deviceCode,
    String userCode,
    URI verificationUri,
    Optional<URI> verificationUriComplete,
    Optional<String> message,
    Duration interval,
    Duration expiresIn,
    Instant issuedAt) {
  /** Longest user code accepted; providers use 8 or 9 characters. */
  public static final int MAX_USER_CODE_LENGTH = 100;

  /** Longest message accepted; Microsoft's is about 130 characters. */
  public static final int MAX_MESSAGE_LENGTH = 1000;

  /** Validates; both pages must be {@code https} (or {@code http} on loopback, for tests). */
  public DeviceAuthorization {
    Arguments.present("client", client);
    Arguments.present("deviceCode", deviceCode);
    userCode = Arguments.text("userCode", userCode, MAX_USER_CODE_LENGTH);
    OAuth2Client.checkEndpoint("verificationUri", verificationUri);
    verificationUriComplete =
        verificationUriComplete == null ? Optional.empty() : verificationUriComplete;
    verificationUriComplete.ifPresent(
        u -> OAuth2Client.checkEndpoint("verificationUriComplete", u));
    message = Arguments.optionalText("message", message, MAX_MESSAGE_LENGTH);
    positive("interval", interval);
    positive("expiresIn", expiresIn);
    Arguments.present("issuedAt", issuedAt);
  }

  /** When the codes stop working. */
  public Instant expiresAt() {
    return issuedAt.plus(expiresIn);
  }

  /** What to show the user: the provider's message, or where to go and which code to enter. */
  public String instructions() {
    return message.orElse("Open " + verificationUri + " and enter the code " + userCode);
  }

  private static void positive(String field, Duration duration) {
    Arguments.present(field, duration);
    if (duration.isNegative() || duration.isZero()) {
      throw new InvalidInputException(field, "must be positive");
    }
  }
}
