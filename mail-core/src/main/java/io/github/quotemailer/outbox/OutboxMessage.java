package io.github.quotemailer.outbox;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.template.EmailContent;
import java.time.Instant;
import java.util.List;

/**
 * A rendered email waiting in the outbox: everything needed to send it later, PDF included. The
 * sender is not stored: it is resolved at send time, since settings may change meanwhile.
 *
 * @param idempotencyKey enqueueing the same key again returns the first entry
 * @param messageId the Message-ID, fixed at enqueue and kept across retries
 * @param salesperson the owner of the quote (their settings decide the sender)
 * @param quoteNumber the quote's number, for the log
 * @param to main recipients
 * @param cc copies
 * @param content subject and bodies
 * @param pdf the attachment
 * @param pdfFileName the attachment's file name
 * @param enqueuedAt when it was enqueued
 */
public record OutboxMessage(
    String idempotencyKey,
    String messageId,
    Salesperson salesperson,
    String quoteNumber,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    EmailContent content,
    byte[] pdf,
    String pdfFileName,
    Instant enqueuedAt) {

  /** Longest idempotency key; deal id + quote number + version fits easily. */
  public static final int MAX_KEY_LENGTH = 200;

  /** Validates every part. */
  public OutboxMessage {
    idempotencyKey = Arguments.text("idempotencyKey", idempotencyKey, MAX_KEY_LENGTH);
    messageId = Arguments.text("messageId", messageId, 250);
    Arguments.present("salesperson", salesperson);
    quoteNumber = Arguments.text("quoteNumber", quoteNumber, 64);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    Arguments.present("content", content);
    Arguments.present("pdf", pdf);
    pdf = pdf.clone();
    pdfFileName = Arguments.text("pdfFileName", pdfFileName, 100);
    Arguments.present("enqueuedAt", enqueuedAt);
  }

  @Override
  public byte[] pdf() {
    return pdf.clone();
  }

  /** Every envelope recipient. */
  public List<EmailAddress> recipients() {
    return java.util.stream.Stream.concat(to.stream(), cc.stream()).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutboxMessage m
        && m.idempotencyKey.equals(idempotencyKey)
        && m.messageId.equals(messageId);
  }

  @Override
  public int hashCode() {
    return idempotencyKey.hashCode();
  }

  @Override
  public String toString() {
    return "OutboxMessage[key=" + idempotencyKey + ", quote=" + quoteNumber + "]";
  }
}
