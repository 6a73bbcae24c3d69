package io.github.quotemailer.delivery;

import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpReply;
import java.time.Instant;
import java.util.Optional;

/**
 * Proof that a quote was handed to an SMTP server, and as whom.
 *
 * @param messageId the Message-ID of the email
 * @param authenticatedAs the mailbox whose account authenticated
 * @param from the {@code From} address
 * @param fromName its display name
 * @param replyTo the {@code Reply-To} address, if set
 * @param reason why this identity sent
 * @param reply the server's final reply
 * @param attempts how many attempts it took, fallback included
 * @param sentAt when the server accepted it
 */
public record DeliveryReceipt(
    String messageId,
    EmailAddress authenticatedAs,
    EmailAddress from,
    String fromName,
    Optional<EmailAddress> replyTo,
    ResolutionReason reason,
    SmtpReply reply,
    int attempts,
    Instant sentAt) {}
