/**
 * OAuth2 for SMTP (XOAUTH2): the app registrations of the supported providers ({@link
 * io.github.quotemailer.oauth2.OAuth2Provider}, {@link io.github.quotemailer.oauth2.OAuth2Client}),
 * and the {@link io.github.quotemailer.oauth2.TokenProvider} port that turns a stored refresh token
 * into an access token. The mailer caches access tokens and stores rotated refresh tokens; the
 * {@code oauth2-http} module implements the port over HTTPS.
 */
@NullMarked
package io.github.quotemailer.oauth2;

import org.jspecify.annotations.NullMarked;
