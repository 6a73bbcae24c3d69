/**
 * The OAuth2 token endpoint client: {@link io.github.quotemailer.oauth2.http.HttpTokenProvider}
 * exchanges refresh tokens for access tokens (found by {@link java.util.ServiceLoader}), and {@link
 * io.github.quotemailer.oauth2.http.DeviceCodeFlow} gets a first refresh token from a command line
 * (README, "The token endpoint client").
 */
@NullMarked
package io.github.quotemailer.oauth2.http;

import org.jspecify.annotations.NullMarked;
