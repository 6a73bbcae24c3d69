package io.github.quotemailer.internal.oauth;

import io.github.quotemailer.smtp.Secret;

/**
 * An access token to log in with.
 *
 * @param value the token
 * @param fresh whether it was fetched for this call (a cached one the server refuses may only be
 *     stale, and is worth one refresh)
 */
public record AccessToken(Secret value, boolean fresh) {}
