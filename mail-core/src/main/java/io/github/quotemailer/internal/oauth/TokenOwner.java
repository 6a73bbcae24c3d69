package io.github.quotemailer.internal.oauth;

import io.github.quotemailer.secret.EncryptedSecret;

/**
 * Whose stored grant an OAuth2 login uses, so a rotated refresh token can be written back.
 *
 * @param userId the user whose settings hold the grant
 * @param storedRefreshToken the refresh token as the settings held it when they were read
 */
public record TokenOwner(String userId, EncryptedSecret storedRefreshToken) {}
