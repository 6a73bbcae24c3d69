package io.github.quotemailer.internal.transport;

import io.github.quotemailer.internal.SmtpFailure;
import io.github.quotemailer.internal.oauth.TokenOwner;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The seam between the delivery pipeline and the wire: connect, authenticate, submit one message,
 * or run a verification probe. {@link AngusSmtpTransport} speaks SMTP through Angus Mail, with a
 * password (AUTH PLAIN/LOGIN) or an OAuth2 access token (AUTH XOAUTH2); a copy to the Sent folder
 * or a non-SMTP sender plug in here without touching the fallback decision, which sees only
 * classified replies.
 */
public interface MailTransport extends AutoCloseable {
  /**
   * Submits {@code submission}; returns the server's reply to the end of DATA.
   *
   * @throws SmtpFailure with the classified reply, marked outcome-unknown when the server had
   *     accepted the DATA command and then gave no reply
   */
  SmtpReply send(Submission submission) throws SmtpFailure;

  /**
   * Proves {@code account} without sending anything: TLS, login, {@code MAIL FROM:<from>}, {@code
   * RCPT TO:<probe>}, reset; all within {@code deadline}. Never throws for an SMTP outcome.
   */
  SmtpReply verify(
      SmtpAccount account,
      Optional<TokenOwner> tokenOwner,
      EmailAddress from,
      EmailAddress probe,
      Duration deadline);

  /**
   * Reads now what connecting to {@code server} needs (its trust store), so a mistake shows when
   * the mailer is built rather than at the first send.
   *
   * @throws io.github.quotemailer.ConfigurationException when it cannot be read
   */
  void prepare(SmtpServer server);

  /** Closes pooled connections and the transport's threads. */
  @Override
  void close();

  /**
   * One message to submit.
   *
   * @param account the login
   * @param tokenOwner whose settings hold the account's OAuth2 grant, so a rotated refresh token is
   *     stored; empty for a password or the company account
   * @param envelopeFrom the {@code MAIL FROM} address
   * @param message the message, headers final
   * @param recipients the {@code RCPT TO} addresses
   * @param messageBytes the message's size on the wire, checked against the server's SIZE limit
   * @param dataStarting called right before the DATA command: from then on a crash may leave a
   *     delivered message unrecorded
   */
  record Submission(
      SmtpAccount account,
      Optional<TokenOwner> tokenOwner,
      EmailAddress envelopeFrom,
      MimeMessage message,
      List<EmailAddress> recipients,
      long messageBytes,
      Runnable dataStarting) {}
}
