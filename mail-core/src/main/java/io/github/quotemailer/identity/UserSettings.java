package io.github.quotemailer.identity;

import io.github.quotemailer.smtp.Secret;

/**
 * The per-user settings as a host's admin screens use them ({@code QuoteMailer.userSettings()}):
 * the {@link UserSmtpRepository} in use, plus saving with a clear password that is encrypted here,
 * bound to the right user id, so a host never calls the cipher by hand.
 */
public interface UserSettings extends UserSmtpRepository {
  /**
   * Encrypts {@code password} for the draft's user and saves the settings (replacing any the user
   * had), unverified.
   *
   * @return the stored settings
   * @throws io.github.quotemailer.InvalidInputException when a field is invalid; nothing is saved
   */
  UserSmtpSettings save(UserSmtpSettings.Draft draft, Secret password);

  /**
   * Replaces the password of {@code userId}'s settings, keeping the rest; the settings become
   * unverified (this is also how settings marked unreadable or rejected are mended).
   *
   * @return the stored settings
   * @throws io.github.quotemailer.InvalidInputException when the user has no settings
   */
  UserSmtpSettings changePassword(String userId, Secret password);
}
