package io.github.quotemailer.oauth2.http;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenException.Kind;
import io.github.quotemailer.oauth2.TokenProvider;
import io.github.quotemailer.oauth2.TokenResponse;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The refresh-token grant (RFC 6749 section 6) over the JDK's {@link HttpClient}: one POST to the
 * grant's token endpoint per {@link #refresh}, no redirects followed. {@link
 * java.util.ServiceLoader} finds it when this module is on the class path, so a mailer needs no
 * wiring for it.
 *
 * <p>Failures are {@link TokenException}s classified by the answer's {@code error} field: {@code
 * invalid_grant} is {@link Kind#REVOKED}; {@code temporarily_unavailable}, {@code server_error},
 * HTTP 5xx and 429, timeouts, refused connections and answers that cannot be read are {@link
 * Kind#UNAVAILABLE}; every other error is {@link Kind#CLIENT_REJECTED}. Messages read {@code
 * "invalid_grant: AADSTS70008: The provided ... [codes: 70008]"} and never hold a token or the
 * client secret (README, "The token endpoint client").
 */
public final class HttpTokenProvider implements TokenProvider {
  /**
   * Connect timeout of the default client: a reachable identity provider connects in well under.
   */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Time for a whole exchange, answer included: providers answer in under a second, and a send
   * waiting on a token must give up in time to fall back to the company account.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

  /**
   * Longest answer read, in bytes: token responses are a few kilobytes; longer ones are refused.
   */
  public static final int MAX_RESPONSE_BYTES = 64 * 1024;

  /**
   * Lifetime assumed when an answer has no {@code expires_in} (RFC 6749 makes it optional): the
   * hour Microsoft and Google give their access tokens.
   */
  public static final Duration DEFAULT_EXPIRES_IN = Duration.ofHours(1);

  /**
   * Longest lifetime believed: a longer {@code expires_in} is cut to this, so a misreported value
   * cannot keep a token in use after its grant was revoked.
   */
  public static final Duration MAX_EXPIRES_IN = Duration.ofDays(1);

  private final TokenEndpoint endpoint;

  /** A provider with the defaults above; the HTTP client is made at the first refresh. */
  public HttpTokenProvider() {
    this(TokenEndpoint.of(null, DEFAULT_REQUEST_TIMEOUT));
  }

  private HttpTokenProvider(TokenEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** A builder for a provider on the host's own {@link HttpClient} or with another timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Asks the grant's token endpoint for an access token with the grant's refresh token, client id,
   * scope and, for a confidential client, client secret.
   *
   * @throws TokenException when the endpoint refused the grant or could not be asked
   */
  @Override
  public TokenResponse refresh(OAuth2Grant grant) {
    Arguments.present("grant", grant);
    OAuth2Client client = grant.client();
    Form form =
        new Form()
            .add("grant_type", "refresh_token")
            .addSecret("refresh_token", grant.refreshToken())
            .add("client_id", client.clientId())
            .add("scope", client.scope())
            .addSecret("client_secret", grant.clientSecret());
    Reply reply = endpoint.post(client.tokenEndpoint(), form);
    return tokenResponse(reply, Optional.of(grant.refreshToken()));
  }

  /**
   * Reads the tokens of a successful answer; a refresh token equal to {@code sent} is no rotation.
   *
   * @throws TokenException for an answer that carries no tokens, or tokens QuoteMailer cannot use
   */
  static TokenResponse tokenResponse(Reply reply, Optional<Secret> sent) {
    if (!reply.carriesTokens()) {
      throw TokenErrors.failureOf(reply);
    }
    if (reply.json().isEmpty()) {
      throw reply.unusable("its body is not a JSON object");
    }
    requireBearer(reply);
    Secret accessToken =
        secret(reply, "access_token").orElseThrow(() -> reply.unusable("it holds no access_token"));
    long seconds = reply.seconds("expires_in").orElse(DEFAULT_EXPIRES_IN.toSeconds());
    Duration expiresIn = Duration.ofSeconds(Math.min(seconds, MAX_EXPIRES_IN.toSeconds()));
    Optional<Secret> rotated =
        secret(reply, "refresh_token").filter(t -> !sent.equals(Optional.of(t)));
    return new TokenResponse(accessToken, expiresIn, rotated);
  }

  /** XOAUTH2 sends Bearer tokens only; an answer without a type is taken as Bearer. */
  private static void requireBearer(Reply reply) {
    Optional<String> type = reply.text("token_type");
    if (type.isPresent() && !type.get().toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new TokenException(
          Kind.CLIENT_REJECTED,
          "",
          reply.where()
              + " issued a token of type '"
              + ServerText.firstLine(type.get(), 40)
              + "', not Bearer, which SMTP's XOAUTH2 needs; check the app's registration");
    }
  }

  private static Optional<Secret> secret(Reply reply, String field) {
    Optional<String> value = reply.text(field);
    try {
      return value.map(Secret::of);
    } catch (InvalidInputException e) {
      throw reply.unusable(
          "its "
              + field
              + " is longer than "
              + Secret.MAX_LENGTH
              + " characters or has a line break");
    }
  }

  /**
   * Collects the settings of a {@link HttpTokenProvider}; each unset one keeps its default above.
   */
  public static final class Builder {
    private @Nullable HttpClient httpClient;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    private Builder() {}

    /**
     * The host's client (for its proxy, executor or TLS settings); it must not follow redirects.
     * Without it, a client with {@link #DEFAULT_CONNECT_TIMEOUT} is made at the first refresh.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Arguments.present("httpClient", httpClient);
      return this;
    }

    /** Time for a whole exchange; default {@link #DEFAULT_REQUEST_TIMEOUT}. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * The provider.
     *
     * @throws ConfigurationException when the client follows redirects or the timeout is not
     *     positive
     */
    public HttpTokenProvider build() {
      return new HttpTokenProvider(TokenEndpoint.of(httpClient, requestTimeout));
    }
  }
}
