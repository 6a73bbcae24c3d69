package io.github.quotemailer.smtp;

/**
 * What an {@link SmtpAccount} logs in with. Sealed, so the transport handles every kind: today a
 * password ({@link Secret}); a token source for OAuth2 logins is the next kind. Never shown by
 * {@code toString()}.
 */
public sealed interface Credential permits Secret {}
