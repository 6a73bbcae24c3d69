package io.github.quotemailer.oauth2;

import io.github.quotemailer.smtp.OAuth2Grant;

/**
 * Port: exchanges a refresh token for an access token at the grant's token endpoint (the OAuth2
 * refresh-token grant, RFC 6749 section 6). One exchange per call: the mailer caches access tokens
 * until shortly before they expire, lets at most one refresh per account run at a time, and stores
 * a rotated refresh token encrypted at once. The {@code oauth2-http} module implements it over
 * HTTPS and is found on the class path by {@link java.util.ServiceLoader}; a host sets another with
 * {@code QuoteMailer.Builder.tokenProvider}.
 */
public interface TokenProvider {
  /**
   * Asks the grant's token endpoint for an access token.
   *
   * @throws TokenException when the endpoint refused the grant or could not be asked
   */
  TokenResponse refresh(OAuth2Grant grant);
}
