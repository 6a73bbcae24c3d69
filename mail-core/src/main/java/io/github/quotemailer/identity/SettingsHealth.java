package io.github.quotemailer.identity;

import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Instant;
import java.util.Optional;

/**
 * What the last real login with a user's settings showed.
 *
 * @param status verified, rejected, or never checked
 * @param checkedAt when the status was set
 * @param serverReply the server's reply at that time (e.g. {@code 535 5.7.8 ...}), or for {@link
 *     Status#UNREADABLE} which key failed and why
 */
public record SettingsHealth(
    Status status, Optional<Instant> checkedAt, Optional<String> serverReply) {
  /** The states of a user's settings. */
  public enum Status {
    /** Saved but not yet proven by a login. */
    UNVERIFIED,
    /** A login (verification or a send) succeeded. */
    VERIFIED,
    /** The server refused the login or the address; skipped until verified again. */
    REJECTED,
    /**
     * The stored password cannot be decrypted with the key ring in use (the reply names the key id
     * and the cause); skipped until the password is set again or a verification succeeds.
     */
    UNREADABLE,
    /**
     * The OAuth2 grant was revoked or has expired; skipped until the mailbox is connected again (a
     * new grant is saved) or a verification succeeds.
     */
    TOKEN_REVOKED
  }

  /** Normalises absent parts. */
  public SettingsHealth {
    status = status == null ? Status.UNVERIFIED : status;
    checkedAt = checkedAt == null ? Optional.empty() : checkedAt;
    serverReply = serverReply == null ? Optional.empty() : serverReply;
  }

  /** Settings never checked. */
  public static SettingsHealth unverified() {
    return new SettingsHealth(Status.UNVERIFIED, Optional.empty(), Optional.empty());
  }

  /** Settings proven at {@code at}. */
  public static SettingsHealth verified(Instant at, String reply) {
    return new SettingsHealth(Status.VERIFIED, Optional.of(at), Optional.of(reply));
  }

  /** Settings whose stored password could not be decrypted at {@code at}, for {@code problem}. */
  public static SettingsHealth unreadable(Instant at, String problem) {
    return new SettingsHealth(Status.UNREADABLE, Optional.of(at), Optional.of(problem));
  }

  /** Settings whose OAuth2 grant was refused at {@code at} with {@code reply}. */
  public static SettingsHealth tokenRevoked(Instant at, String reply) {
    return new SettingsHealth(Status.TOKEN_REVOKED, Optional.of(at), Optional.of(reply));
  }

  /**
   * Settings whose login was refused at {@code at} with {@code reply}: {@link Status#TOKEN_REVOKED}
   * for a revoked OAuth2 grant, {@link Status#REJECTED} otherwise.
   */
  public static SettingsHealth afterRefusal(Instant at, SmtpReply reply) {
    return reply.replyClass() == SmtpReplyClass.TOKEN_REVOKED
        ? tokenRevoked(at, reply.describe())
        : rejected(at, reply.describe());
  }

  /** Settings refused at {@code at} with {@code reply}. */
  public static SettingsHealth rejected(Instant at, String reply) {
    return new SettingsHealth(Status.REJECTED, Optional.of(at), Optional.of(reply));
  }
}
