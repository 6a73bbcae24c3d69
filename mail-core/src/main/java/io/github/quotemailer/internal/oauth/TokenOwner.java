package io.github.quotemailer.internal.oauth;

/**
 * Whose stored grant an OAuth2 login uses, so the newest refresh token is read from, and a rotated
 * one written back to, that user's settings.
 *
 * @param userId the user whose settings hold the grant
 */
public record TokenOwner(String userId) {}
