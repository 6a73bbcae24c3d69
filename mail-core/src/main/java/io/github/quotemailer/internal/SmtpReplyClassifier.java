package io.github.quotemailer.internal;

import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Classifies an SMTP reply by its enhanced status code where the server gives one, then by the
 * basic code and the SMTP command it answered; and an Angus Mail exception by the reply it carries
 * or, for failures on this side of the wire, by its cause.
 */
public final class SmtpReplyClassifier {
  private static final Pattern ENHANCED =
      Pattern.compile("(?:^|\\s)([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
  private static final Pattern BASIC = Pattern.compile("^\\s*([2-5]\\d\\d)[\\s-]");
  private static final Set<String> QUOTA_STATUS = Set.of("5.4.5", "5.7.232", "5.7.233");

  /** The command a reply answered; the same code means different things at MAIL and RCPT. */
  public enum Stage {
    CONNECT,
    /** EHLO or HELO, after the greeting. */
    HELO,
    AUTH,
    MAIL_FROM,
    RCPT_TO,
    DATA,
    OTHER
  }

  private SmtpReplyClassifier() {}

  /** Classifies a reply with {@code code} (0 if unknown: then it is read from the text). */
  public static SmtpReply classify(int code, String text, Stage stage) {
    String line = text == null ? "" : text.strip();
    if (code <= 0) {
      Matcher basic = BASIC.matcher(line);
      code = basic.find() ? Integer.parseInt(basic.group(1)) : 0;
    }
    Optional<String> enhanced = enhancedStatus(line);
    return new SmtpReply(classOf(code, enhanced.orElse(""), line, stage), code, enhanced, line);
  }

  /** The enhanced status code in {@code text}, if any. */
  public static Optional<String> enhancedStatus(String text) {
    Matcher m = ENHANCED.matcher(text == null ? "" : text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static SmtpReplyClass classOf(int code, String enhanced, String text, Stage stage) {
    String lower = text.toLowerCase(Locale.ROOT);
    // Delivered, or the check passed.
    if (code >= 200 && code < 400) {
      return SmtpReplyClass.ACCEPTED;
    }
    // The recipient's mailbox is full: about the recipient, even where the text says "quota".
    if (enhanced.equals("5.2.2") || enhanced.equals("4.2.2")) {
      return code >= 500 ? SmtpReplyClass.RECIPIENT_REJECTED : SmtpReplyClass.TRANSIENT;
    }
    // The identity's quota or rate limit, at whichever command the server says so: waiting helps.
    if (isQuota(code, enhanced, lower, stage)) {
      return SmtpReplyClass.QUOTA;
    }
    // Anything else short of a permanent refusal (4xx, or no reply code at all) may pass later.
    if (code < 500) {
      return SmtpReplyClass.TRANSIENT;
    }
    return permanentClassOf(code, enhanced, lower, stage);
  }

  /** The class of a 5xx reply that is neither a full mailbox nor a quota. */
  private static SmtpReplyClass permanentClassOf(
      int code, String enhanced, String lower, Stage stage) {
    // The provider switched password logins off; checked before 535, which Microsoft also uses.
    if (enhanced.equals("5.7.30") || enhanced.equals("5.7.139")) {
      return SmtpReplyClass.BASIC_AUTH_DISABLED;
    }
    if (code == 535 || enhanced.equals("5.7.8") || (code == 534 && stage == Stage.AUTH)) {
      return SmtpReplyClass.AUTH_REJECTED;
    }
    // This client or session is refused (HELO name, client host), not the sender address.
    if (refusesSession(enhanced, lower, stage)) {
      return SmtpReplyClass.SESSION_REJECTED;
    }
    if (refusesSender(enhanced, lower, stage)) {
      return SmtpReplyClass.SENDER_NOT_OWNED;
    }
    // Refused at the greeting (e.g. this client's IP is blocklisted): nobody to talk to here.
    if (stage == Stage.CONNECT) {
      return SmtpReplyClass.UNREACHABLE;
    }
    // Postfix delays most refusals to RCPT: only some of them are about the recipient.
    if (stage == Stage.RCPT_TO) {
      return namesRecipient(enhanced)
          ? SmtpReplyClass.RECIPIENT_REJECTED
          : SmtpReplyClass.SESSION_REJECTED;
    }
    if (enhanced.startsWith("5.1.")) {
      return SmtpReplyClass.RECIPIENT_REJECTED;
    }
    return stage == Stage.AUTH ? SmtpReplyClass.AUTH_REJECTED : SmtpReplyClass.MESSAGE_REJECTED;
  }

  /**
   * Whether a 5xx reply refuses this client or session rather than the sender, the recipient or the
   * message: any refusal of EHLO/HELO; a 5.5.x or 5.7.x reply about the HELO name at any command
   * (Postfix's "Helo command rejected", delayed to RCPT by default); Postfix's "Client host
   * rejected" after the greeting (at the greeting it stays a refused connection).
   */
  private static boolean refusesSession(String enhanced, String lower, Stage stage) {
    if (stage == Stage.HELO) {
      return true;
    }
    boolean sessionCode = enhanced.startsWith("5.5.") || enhanced.startsWith("5.7.");
    if (sessionCode && (lower.contains("helo") || lower.contains("ehlo"))) {
      return true;
    }
    return stage != Stage.CONNECT && lower.contains("client host rejected");
  }

  /**
   * Whether a 5xx at RCPT is about the recipient: a bad address (5.1.x), a mailbox that refuses
   * mail (5.2.x: disabled, full, message too large for it), or no enhanced status code at all, when
   * the text is about the address the command named.
   */
  private static boolean namesRecipient(String enhanced) {
    return enhanced.isEmpty() || enhanced.startsWith("5.1.") || enhanced.startsWith("5.2.");
  }

  /**
   * Whether the reply says this account may not send as the sender address. Microsoft 365 says so
   * with 5.7.60 or "SendAsDenied" (also under 5.2.252); Postfix with 5.7.1 "Sender address
   * rejected", at MAIL FROM or, with its default delayed rejection, at RCPT TO. Elsewhere 5.7.1 is
   * a policy rejection of the message or the client, not of the credentials.
   */
  private static boolean refusesSender(String enhanced, String lower, Stage stage) {
    if (enhanced.equals("5.7.60") || lower.contains("sendasdenied") || lower.contains("send as")) {
      return true;
    }
    boolean senderCode =
        enhanced.equals("5.7.1") || enhanced.equals("5.1.7") || enhanced.equals("5.1.8");
    if (stage == Stage.MAIL_FROM) {
      return senderCode || enhanced.isEmpty();
    }
    return senderCode && lower.contains("sender");
  }

  /**
   * Whether the reply says the identity's sending quota or rate limit is reached: 5.4.5 (Google and
   * others); Microsoft's 5.7.232/5.7.233 (the tenant's daily limit of external recipients) and
   * "SubmissionQuotaExceededException"; a 421/451 that names a limit (rate limiting); texts that
   * say "sending quota", "sending limit" or "too many messages"; and, where the sender is what the
   * command is about (greeting, AUTH, MAIL FROM), a bare "quota" or "limit exceeded". Never a
   * message over a size limit (5.3.x), a server out of resources (4.3.x, e.g. too many
   * connections), or a recipient's mailbox over its quota: waiting out the sender's window would
   * not help those.
   */
  private static boolean isQuota(int code, String enhanced, String lower, Stage stage) {
    if (QUOTA_STATUS.contains(enhanced)) {
      return true;
    }
    if (enhanced.startsWith("5.3.") || enhanced.startsWith("4.3.") || lower.contains("mailbox")) {
      return false;
    }
    if ((code == 421 || code == 451) && lower.contains("limit")) {
      return true;
    }
    if (lower.contains("submissionquotaexceeded")
        || lower.contains("sending quota")
        || lower.contains("sending limit")
        || lower.contains("too many messages")) {
      return true;
    }
    boolean aboutSender = stage == Stage.CONNECT || stage == Stage.AUTH || stage == Stage.MAIL_FROM;
    return aboutSender && (lower.contains("quota") || lower.contains("limit exceeded"));
  }

  /**
   * Classifies {@code e}, thrown at {@code stage}; {@code lastCode} and {@code lastText} are the
   * connection's last reply, used when the exception carries none.
   */
  public static SmtpReply classify(
      MessagingException e, int lastCode, String lastText, Stage stage) {
    if (e instanceof SMTPSenderFailedException sender) {
      return classify(sender.getReturnCode(), sender.getMessage(), Stage.MAIL_FROM);
    }
    SMTPAddressFailedException address = find(e, SMTPAddressFailedException.class);
    if (address != null) {
      return classify(address.getReturnCode(), address.getMessage(), Stage.RCPT_TO);
    }
    if (e instanceof SMTPSendFailedException failed) {
      return classify(failed.getReturnCode(), failed.getMessage(), stageOf(failed.getCommand()));
    }
    if (e instanceof AuthenticationFailedException) {
      return classify(lastCode, lastText, Stage.AUTH);
    }
    Optional<SmtpReply> local = clientSideFailure(e);
    if (local.isPresent()) {
      return local.get();
    }
    if (lastCode > 0 && lastText != null && !lastText.isBlank()) {
      if (!(e instanceof SendFailedException)) {
        return classify(lastCode, lastText, stage);
      }
    }
    return new SmtpReply(SmtpReplyClass.TRANSIENT, 0, Optional.empty(), describe(e));
  }

  private static Optional<SmtpReply> clientSideFailure(MessagingException e) {
    if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("starttls")) {
      return Optional.of(local(SmtpReplyClass.TLS_FAILURE, e));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      Optional<SmtpReplyClass> replyClass = classOfCause(t);
      if (replyClass.isPresent()) {
        return Optional.of(local(replyClass.get(), t));
      }
    }
    return Optional.empty();
  }

  private static Optional<SmtpReplyClass> classOfCause(Throwable t) {
    if (t instanceof SocketTimeoutException) {
      return Optional.of(SmtpReplyClass.TRANSIENT);
    }
    if (t instanceof SSLException || t instanceof CertificateException) {
      return Optional.of(SmtpReplyClass.TLS_FAILURE);
    }
    if (t instanceof IOException
        && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("identity")) {
      return Optional.of(SmtpReplyClass.TLS_FAILURE);
    }
    if (t instanceof ConnectException
        || t instanceof UnknownHostException
        || t instanceof NoRouteToHostException) {
      return Optional.of(SmtpReplyClass.UNREACHABLE);
    }
    if (t instanceof SocketException || t instanceof EOFException) {
      return Optional.of(SmtpReplyClass.TRANSIENT);
    }
    return Optional.empty();
  }

  private static SmtpReply local(SmtpReplyClass replyClass, Throwable t) {
    return new SmtpReply(replyClass, 0, Optional.empty(), describe(t));
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static Stage stageOf(String command) {
    String upper = command == null ? "" : command.toUpperCase(Locale.ROOT);
    if (upper.startsWith("MAIL")) {
      return Stage.MAIL_FROM;
    }
    if (upper.startsWith("RCPT")) {
      return Stage.RCPT_TO;
    }
    return upper.startsWith("AUTH") ? Stage.AUTH : Stage.DATA;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; ) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      Throwable next =
          t instanceof MessagingException m && m.getNextException() != null
              ? m.getNextException()
              : t.getCause();
      t = next == t ? null : next;
    }
    return null;
  }
}
