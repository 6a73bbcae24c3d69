package io.github.quotemailer.smtp;

/**
 * What an {@link SmtpAccount} logs in with: a password ({@link Secret}, AUTH PLAIN or LOGIN) or an
 * OAuth2 grant ({@link OAuth2Grant}, AUTH XOAUTH2). Sealed, so the transport handles every kind.
 * Never shown by {@code toString()}.
 */
public sealed interface Credential permits Secret, OAuth2Grant {}
