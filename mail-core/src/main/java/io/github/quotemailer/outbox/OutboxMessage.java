package io.github.quotemailer.outbox;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.template.EmailContent;
import java.time.Instant;
import java.util.List;

/**
 * An email waiting in the outbox: everything needed to send it later. Its PDF is the quote itself,
 * rendered when it is sent, or a document rendered beforehand (see {@link OutboxAttachment}). The
 * sender is not stored: it is resolved at send time, since settings may change meanwhile.
 *
 * @param idempotencyKey enqueueing the same key again returns the first entry
 * @param messageId the Message-ID, fixed at enqueue and kept across retries
 * @param salesperson the owner of the quote (their settings decide the sender)
 * @param quoteNumber the quote's number, for the log
 * @param to main recipients
 * @param cc copies
 * @param content subject and bodies
 * @param attachment the PDF, or the quote to render into it when sent
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
    OutboxAttachment attachment,
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
    Arguments.present("attachment", attachment);
    pdfFileName = Arguments.text("pdfFileName", pdfFileName, 100);
    Arguments.present("enqueuedAt", enqueuedAt);
  }

  /**
   * A copy with the PDF rendered: {@code pdf} replaces the quote snapshot. Used by the worker
   * before it sends.
   */
  public OutboxMessage withRenderedPdf(byte[] pdf) {
    return new OutboxMessage(
        idempotencyKey,
        messageId,
        salesperson,
        quoteNumber,
        to,
        cc,
        content,
        new OutboxAttachment.RenderedPdf(pdf),
        pdfFileName,
        enqueuedAt);
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

  /** A builder: each part by name, instead of ten arguments in a row. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link OutboxMessage} by naming each part; {@link #build()} validates them. */
  public static final class Builder {
    private String idempotencyKey;
    private String messageId;
    private Salesperson salesperson;
    private String quoteNumber;
    private List<EmailAddress> to = List.of();
    private List<EmailAddress> cc = List.of();
    private EmailContent content;
    private OutboxAttachment attachment;
    private String pdfFileName;
    private Instant enqueuedAt;

    private Builder() {}

    /** Sets {@code idempotencyKey}. */
    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /** Sets {@code messageId}. */
    public Builder messageId(String messageId) {
      this.messageId = messageId;
      return this;
    }

    /** Sets {@code salesperson}. */
    public Builder salesperson(Salesperson salesperson) {
      this.salesperson = salesperson;
      return this;
    }

    /** Sets {@code quoteNumber}. */
    public Builder quoteNumber(String quoteNumber) {
      this.quoteNumber = quoteNumber;
      return this;
    }

    /** Sets {@code to}. */
    public Builder to(List<EmailAddress> to) {
      this.to = to;
      return this;
    }

    /** Sets {@code cc}. */
    public Builder cc(List<EmailAddress> cc) {
      this.cc = cc;
      return this;
    }

    /** Sets {@code content}. */
    public Builder content(EmailContent content) {
      this.content = content;
      return this;
    }

    /** Attaches {@code pdf}, rendered beforehand, sent as it is. */
    public Builder pdf(byte[] pdf) {
      this.attachment = new OutboxAttachment.RenderedPdf(Arguments.present("pdf", pdf));
      return this;
    }

    /** Attaches {@code quote}, rendered by the worker when it sends, as of {@code enqueuedAt}. */
    public Builder quote(Quote quote) {
      this.attachment = new OutboxAttachment.QuoteSnapshot(quote);
      return this;
    }

    /** Sets {@code attachment}. */
    public Builder attachment(OutboxAttachment attachment) {
      this.attachment = attachment;
      return this;
    }

    /** Sets {@code pdfFileName}. */
    public Builder pdfFileName(String pdfFileName) {
      this.pdfFileName = pdfFileName;
      return this;
    }

    /** Sets {@code enqueuedAt}. */
    public Builder enqueuedAt(Instant enqueuedAt) {
      this.enqueuedAt = enqueuedAt;
      return this;
    }

    /** Validates and builds. */
    public OutboxMessage build() {
      return new OutboxMessage(
          idempotencyKey,
          messageId,
          salesperson,
          quoteNumber,
          to,
          cc,
          content,
          attachment,
          pdfFileName,
          enqueuedAt);
    }
  }
}
