package io.github.quotemailer.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.identity.UserSettings;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import java.util.List;
import java.util.Optional;

/** {@link UserSettings} over the configured repository and the mailer's cipher. */
final class EncryptingUserSettings implements UserSettings {
  private final UserSmtpRepository repository;
  private final SecretCipher cipher;

  EncryptingUserSettings(UserSmtpRepository repository, SecretCipher cipher) {
    this.repository = repository;
    this.cipher = cipher;
  }

  @Override
  public UserSmtpSettings save(UserSmtpSettings.Draft draft, Secret password) {
    Arguments.present("settings", draft);
    Arguments.present("password", password);
    // Validated before encrypting: the ciphertext is bound to exactly the id that is stored.
    String userId = draft.userId();
    UserSmtpSettings settings = draft.withPassword(cipher.encrypt(password, userId));
    repository.save(settings);
    return settings;
  }

  @Override
  public UserSmtpSettings saveOAuth2(UserSmtpSettings.Draft draft, OAuth2Grant grant) {
    Arguments.present("settings", draft);
    Arguments.present("grant", grant);
    String userId = draft.userId();
    UserSmtpSettings settings = draft.withCredential(encrypt(grant, userId));
    repository.save(settings);
    return settings;
  }

  private StoredCredential.OAuth2 encrypt(OAuth2Grant grant, String userId) {
    return new StoredCredential.OAuth2(
        grant.client(),
        cipher.encrypt(grant.refreshToken(), userId),
        grant.clientSecret().map(secret -> cipher.encrypt(secret, userId)));
  }

  @Override
  public UserSmtpSettings changePassword(String userId, Secret password) {
    Arguments.present("password", password);
    UserSmtpSettings current =
        find(Arguments.text("userId", userId, UserSmtpSettings.MAX_USER_ID_LENGTH))
            .orElseThrow(
                () -> new InvalidInputException("userId", "'" + userId + "' has no SMTP settings"));
    UserSmtpSettings changed = current.withPassword(cipher.encrypt(password, current.userId()));
    repository.save(changed);
    return changed;
  }

  @Override
  public Optional<UserSmtpSettings> find(String userId) {
    return repository.find(userId);
  }

  @Override
  public void save(UserSmtpSettings settings) {
    repository.save(settings);
  }

  @Override
  public boolean delete(String userId) {
    return repository.delete(userId);
  }

  @Override
  public List<UserSmtpSettings> list() {
    return repository.list();
  }

  @Override
  public void updateHealth(String userId, SettingsHealth health) {
    repository.updateHealth(userId, health);
  }
}
