package io.github.quotemailer.internal.oauth;

import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.Credential;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import java.util.Optional;

/** Opens a user's stored credential for a login, and says whose grant it is. */
public final class StoredCredentials {
  private StoredCredentials() {}

  /**
   * The clear credential of {@code settings}: its password, or its OAuth2 grant.
   *
   * @throws io.github.quotemailer.QuoteMailerException when a secret cannot be decrypted
   */
  public static Credential open(SecretCipher cipher, UserSmtpSettings settings) {
    String userId = settings.userId();
    if (settings.credential() instanceof StoredCredential.Password p) {
      return cipher.decrypt(p.password(), userId);
    }
    StoredCredential.OAuth2 o = (StoredCredential.OAuth2) settings.credential();
    Secret refreshToken = cipher.decrypt(o.refreshToken(), userId);
    return o.clientSecret().isPresent()
        ? OAuth2Grant.of(o.client(), refreshToken, cipher.decrypt(o.clientSecret().get(), userId))
        : OAuth2Grant.of(o.client(), refreshToken);
  }

  /**
   * Whose grant {@code settings} hold, for storing a rotated refresh token; empty for a password.
   */
  public static Optional<TokenOwner> owner(UserSmtpSettings settings) {
    return settings.usesOAuth2()
        ? Optional.of(new TokenOwner(settings.userId()))
        : Optional.empty();
  }
}
