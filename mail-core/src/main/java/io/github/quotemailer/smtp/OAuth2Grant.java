package io.github.quotemailer.smtp;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.oauth2.OAuth2Client;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth2 grant to log in with XOAUTH2: the app ({@link OAuth2Client}), its client secret when it
 * has one, and the refresh token the user's consent produced. The mailer turns it into short-lived
 * access tokens through a {@link io.github.quotemailer.oauth2.TokenProvider}. Neither secret is
 * shown by {@link #toString()}.
 */
public final class OAuth2Grant implements Credential {
  private final OAuth2Client client;
  private final Secret refreshToken;
  private final Optional<Secret> clientSecret;

  private OAuth2Grant(OAuth2Client client, Secret refreshToken, Optional<Secret> clientSecret) {
    this.client = Arguments.present("oauth2.client", client);
    this.refreshToken = Arguments.present("oauth2.refreshToken", refreshToken);
    this.clientSecret = clientSecret == null ? Optional.empty() : clientSecret;
  }

  /** A grant of a public client (no client secret), as device-code and desktop apps are. */
  public static OAuth2Grant of(OAuth2Client client, Secret refreshToken) {
    return new OAuth2Grant(client, refreshToken, Optional.empty());
  }

  /** A grant of a confidential client, which authenticates with {@code clientSecret}. */
  public static OAuth2Grant of(OAuth2Client client, Secret refreshToken, Secret clientSecret) {
    return new OAuth2Grant(
        client, refreshToken, Optional.of(Arguments.present("oauth2.clientSecret", clientSecret)));
  }

  /** A copy holding {@code refreshToken} instead, after the provider rotated it. */
  public OAuth2Grant withRefreshToken(Secret refreshToken) {
    return new OAuth2Grant(client, refreshToken, clientSecret);
  }

  /** The app. */
  public OAuth2Client client() {
    return client;
  }

  /** The refresh token. Callers must not log, store in clear or return it. */
  public Secret refreshToken() {
    return refreshToken;
  }

  /** The client secret, for a confidential client. Same care as the refresh token. */
  public Optional<Secret> clientSecret() {
    return clientSecret;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OAuth2Grant g
        && g.client.equals(client)
        && g.refreshToken.equals(refreshToken)
        && g.clientSecret.equals(clientSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(client, refreshToken, clientSecret);
  }

  @Override
  public String toString() {
    return "OAuth2Grant[" + client.provider() + ", client=" + client.clientId() + ", ****]";
  }
}
