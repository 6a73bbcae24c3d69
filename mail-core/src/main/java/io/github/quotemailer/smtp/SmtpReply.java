package io.github.quotemailer.smtp;

import io.github.quotemailer.Arguments;
import java.util.Optional;

/**
 * A classified SMTP outcome: the server's reply code and text where there was one, or a description
 * of the client-side failure (timeout, refused connection) with code 0.
 *
 * @param replyClass what the outcome means for the sender
 * @param code the three-digit reply code, or 0 when the server did not answer
 * @param enhancedStatus the RFC 3463 enhanced status code (e.g. {@code 5.7.8}), when given
 * @param text the server's text or the failure's description, one line
 */
public record SmtpReply(
    SmtpReplyClass replyClass, int code, Optional<String> enhancedStatus, String text) {

  /** Validates; the text is flattened to one line and shortened to 500 characters. */
  public SmtpReply {
    Arguments.present("replyClass", replyClass);
    enhancedStatus = enhancedStatus == null ? Optional.empty() : enhancedStatus;
    text = text == null ? "" : text.replaceAll("[\\r\\n\\x00]+", " ").strip();
    if (text.length() > 500) {
      text = text.substring(0, 500);
    }
  }

  /** A successful outcome with the server's reply. */
  public static SmtpReply accepted(int code, String text) {
    return new SmtpReply(SmtpReplyClass.ACCEPTED, code, Optional.empty(), text);
  }

  /**
   * Code and text as a person reads them, e.g. {@code 535 5.7.8 Authentication failed}, followed by
   * what to do when the class calls for a person: {@link SmtpReplyClass#BASIC_AUTH_DISABLED} and
   * {@link SmtpReplyClass#TOKEN_REVOKED} (see {@link #advice()}).
   */
  public String describe() {
    String prefix = String.valueOf(code);
    String said = code == 0 || text.startsWith(prefix) ? text : prefix + " " + text;
    return advice().map(a -> said + " (" + a + ")").orElse(said);
  }

  /** What a person must do about this outcome, for the classes that need one. */
  public Optional<String> advice() {
    return switch (replyClass) {
      case BASIC_AUTH_DISABLED ->
          Optional.of(
              "this Microsoft 365 mailbox needs OAuth2: connect it with an OAuth2 grant"
                  + " (UserSettings.saveOAuth2, or users connect-oauth --provider microsoft); if it"
                  + " already uses OAuth2, an admin must enable authenticated SMTP for it"
                  + " (Set-CASMailbox -SmtpClientAuthenticationDisabled $false)");
      case TOKEN_REVOKED ->
          Optional.of(
              "the mailbox's OAuth2 grant was revoked or has expired: connect it again"
                  + " (UserSettings.saveOAuth2, or users connect-oauth)");
      default -> Optional.empty();
    };
  }
}
