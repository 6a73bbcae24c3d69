package io.github.quotemailer.identity;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.secret.EncryptedSecret;
import java.util.Optional;

/**
 * A user's SMTP credential as stored: a password, or an OAuth2 grant. Every secret in it is
 * encrypted with the key ring (and re-encrypted by key rotation); the rest is not secret.
 */
public sealed interface StoredCredential {
  /** The secret key rotation re-encrypts first: the password, or the refresh token. */
  EncryptedSecret secret();

  /** What kind of account this is, safe to show: {@code password} or {@code OAuth2 (MICROSOFT)}. */
  String kind();

  /**
   * A password for AUTH PLAIN or LOGIN.
   *
   * @param password the encrypted password
   */
  record Password(EncryptedSecret password) implements StoredCredential {
    /** Validates. */
    public Password {
      Arguments.present("password", password);
    }

    @Override
    public EncryptedSecret secret() {
      return password;
    }

    @Override
    public String kind() {
      return "password";
    }
  }

  /**
   * An OAuth2 grant for AUTH XOAUTH2. The refresh token is replaced (still encrypted) every time
   * the provider rotates it.
   *
   * @param client the app and its token endpoint
   * @param refreshToken the encrypted refresh token
   * @param clientSecret the encrypted client secret, for a confidential client
   */
  record OAuth2(
      OAuth2Client client, EncryptedSecret refreshToken, Optional<EncryptedSecret> clientSecret)
      implements StoredCredential {
    /** Validates. */
    public OAuth2 {
      Arguments.present("oauth2.client", client);
      Arguments.present("oauth2.refreshToken", refreshToken);
      clientSecret = clientSecret == null ? Optional.empty() : clientSecret;
    }

    @Override
    public EncryptedSecret secret() {
      return refreshToken;
    }

    @Override
    public String kind() {
      return "OAuth2 (" + client.provider() + ")";
    }

    /** A copy holding {@code refreshToken}. */
    public OAuth2 withRefreshToken(EncryptedSecret refreshToken) {
      return new OAuth2(client, refreshToken, clientSecret);
    }
  }
}
