package io.github.quotemailer.identity;

import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;

/**
 * The per-user settings as a host's admin screens use them ({@code QuoteMailer.userSettings()}):
 * the {@link UserSmtpRepository} in use, plus saving with a clear password or OAuth2 grant that is
 * encrypted here, bound to the right user id, so a host never calls the cipher by hand.
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
   * Encrypts the refresh token and client secret of {@code grant} for the draft's user and saves
   * the settings (replacing any the user had, which is how a mailbox whose grant was revoked is
   * connected again), unverified. The account then logs in with AUTH XOAUTH2.
   *
   * @return the stored settings
   * @throws io.github.quotemailer.InvalidInputException when a field is invalid; nothing is saved
   */
  UserSmtpSettings saveOAuth2(UserSmtpSettings.Draft draft, OAuth2Grant grant);

  /**
   * Replaces the credential of {@code userId}'s settings with {@code password}, keeping the rest;
   * the settings become unverified (this is also how settings marked unreadable or rejected are
   * mended, and how an OAuth2 account goes back to a password).
   *
   * @return the stored settings
   * @throws io.github.quotemailer.InvalidInputException when the user has no settings
   */
  UserSmtpSettings changePassword(String userId, Secret password);
}
