package io.github.quotemailer.oauth2.http;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.OAuth2Provider;
import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenException.Kind;
import io.github.quotemailer.smtp.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The device authorization grant (RFC 8628), for getting a mailbox's first refresh token from a
 * command line: {@link #start} asks the provider for a code, the user enters it at the provider's
 * page on any device and signs in, and {@link #awaitRefreshToken} polls the token endpoint until
 * they have.
 *
 * <p>Microsoft 365 supports it with the preset scope, whose {@code offline_access} is what makes a
 * refresh token come back. Google does not: its device flow ("OAuth 2.0 for TV and Limited-Input
 * Device Applications") allows a short list of scopes, and Gmail's {@code https://mail.google.com/}
 * is not among them. A Google account gets its first refresh token another way (the OAuth
 * Playground, or an installed-app flow) and is saved with {@code --refresh-token-stdin}.
 */
public final class DeviceCodeFlow {
  /** Wait between polls when the provider names none (RFC 8628 section 3.2). */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  /** Added to the wait after each {@code slow_down} answer (RFC 8628 section 3.5). */
  public static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

  static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  private final TokenEndpoint endpoint;
  private final Clock clock;
  private final Sleeper sleeper;

  private DeviceCodeFlow(TokenEndpoint endpoint, Clock clock, Sleeper sleeper) {
    this.endpoint = endpoint;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** A flow with {@link HttpTokenProvider}'s timeouts, the system clock and real sleeping. */
  public static DeviceCodeFlow create() {
    return builder().build();
  }

  /** A builder for another HTTP client, timeout, clock or sleeper (tests). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Asks {@code deviceAuthorizationEndpoint} for a device code for {@code client}'s id and scope.
   * {@link OAuth2Provider#deviceAuthorizationEndpoint} has the presets.
   *
   * @param clientSecret the app's secret, for providers that require one in the device flow
   * @throws TokenException when the provider refused (for Google's Gmail scope: {@code
   *     invalid_scope}) or could not be asked
   */
  public DeviceAuthorization start(
      OAuth2Client client, URI deviceAuthorizationEndpoint, Optional<Secret> clientSecret) {
    Arguments.present("client", client);
    URI uri =
        OAuth2Client.checkEndpoint("deviceAuthorizationEndpoint", deviceAuthorizationEndpoint);
    Form form =
        new Form()
            .add("client_id", client.clientId())
            .add("scope", client.scope())
            .addSecret("client_secret", Arguments.present("clientSecret", clientSecret));
    Instant issuedAt = clock.instant();
    Reply reply = endpoint.post(uri, form);
    if (!reply.carriesTokens()) {
      throw startRefused(client, reply);
    }
    return DeviceAnswers.authorization(client, reply, issuedAt);
  }

  /**
   * Polls the token endpoint of the authorization's client, at the interval the provider asked for,
   * until the user has signed in, and returns the refresh token.
   *
   * @param clientSecret the app's secret, as given to {@link #start}
   * @throws TokenException {@link Kind#REVOKED} when the user declined ({@code access_denied}) or
   *     the code expired ({@code expired_token}, or its time ran out); {@link Kind#CLIENT_REJECTED}
   *     when no refresh token came back (the scope lacks {@code offline_access}) or the app was
   *     refused; {@link Kind#UNAVAILABLE} when the endpoint could not be asked or the wait was
   *     interrupted
   */
  public Secret awaitRefreshToken(
      DeviceAuthorization authorization, Optional<Secret> clientSecret) {
    Arguments.present("authorization", authorization);
    Form form =
        new Form()
            .add("grant_type", DEVICE_CODE_GRANT)
            .addSecret("device_code", authorization.deviceCode())
            .add("client_id", authorization.client().clientId())
            .addSecret("client_secret", Arguments.present("clientSecret", clientSecret));
    Duration interval = authorization.interval();
    while (true) {
      waitBeforePolling(interval, authorization.expiresAt());
      Reply reply = endpoint.post(authorization.client().tokenEndpoint(), form);
      if (reply.carriesTokens()) {
        return DeviceAnswers.refreshToken(reply);
      }
      String error = reply.error().orElse("");
      if (error.equals("slow_down")) {
        interval = interval.plus(SLOW_DOWN_STEP);
      } else if (!error.equals("authorization_pending")) {
        throw DeviceAnswers.pollRefused(reply, error);
      }
    }
  }

  private void waitBeforePolling(Duration interval, Instant expiresAt) {
    if (!clock.instant().plus(interval).isBefore(expiresAt)) {
      throw new TokenException(
          Kind.REVOKED,
          "expired_token",
          "expired_token: the code expired before the sign-in finished; start again");
    }
    try {
      sleeper.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException(
          Kind.UNAVAILABLE, "", "interrupted while waiting for the sign-in", e);
    }
  }

  private static TokenException startRefused(OAuth2Client client, Reply reply) {
    TokenException failure = TokenErrors.failureOf(reply);
    if (client.provider() != OAuth2Provider.GOOGLE || !failure.error().equals("invalid_scope")) {
      return failure;
    }
    return new TokenException(
        failure.kind(),
        failure.error(),
        failure.getMessage()
            + "; Google's device flow does not allow the Gmail scope: get the first refresh token"
            + " another way (the OAuth Playground or an installed-app flow) and save it with"
            + " --refresh-token-stdin",
        failure);
  }

  /** Waits between polls; tests pass one that returns at once. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Returns after {@code duration}, or throws when the thread is interrupted.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Collects the settings of a {@link DeviceCodeFlow}; each unset one keeps its default. */
  public static final class Builder {
    private @Nullable HttpClient httpClient;
    private Duration requestTimeout = HttpTokenProvider.DEFAULT_REQUEST_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

    private Builder() {}

    /** The host's client; it must not follow redirects. Default: as {@link HttpTokenProvider}. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Arguments.present("httpClient", httpClient);
      return this;
    }

    /** Time for each exchange; default {@link HttpTokenProvider#DEFAULT_REQUEST_TIMEOUT}. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /** The clock the codes' expiry is measured with; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Arguments.present("clock", clock);
      return this;
    }

    /** How to wait between polls; default {@link Thread#sleep(long)}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Arguments.present("sleeper", sleeper);
      return this;
    }

    /**
     * The flow.
     *
     * @throws ConfigurationException when the client follows redirects or the timeout is not
     *     positive
     */
    public DeviceCodeFlow build() {
      return new DeviceCodeFlow(TokenEndpoint.of(httpClient, requestTimeout), clock, sleeper);
    }
  }
}
