/**
 * The OAuth2 token endpoint client: {@link io.github.quotemailer.oauth2.http.HttpTokenProvider}
 * exchanges refresh tokens for access tokens and is found by {@link java.util.ServiceLoader}
 * (README, "The token endpoint client").
 */
@NullMarked
package io.github.quotemailer.oauth2.http;

import org.jspecify.annotations.NullMarked;
