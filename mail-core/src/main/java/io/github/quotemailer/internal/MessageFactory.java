package io.github.quotemailer.internal;

import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.internal.pipeline.SenderIdentity;
import io.github.quotemailer.outbox.OutboxAttachment;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.template.EmailContent;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** Builds the MIME message of a quote email: text and HTML alternatives plus the PDF. */
public final class MessageFactory {
  private static final Session NEUTRAL_SESSION = Session.getInstance(new Properties());

  private MessageFactory() {}

  /** A new Message-ID in the domain of {@code domainOf}. */
  public static String newMessageId(EmailAddress domainOf) {
    return "<qm." + UUID.randomUUID() + "@" + domainOf.domain() + ">";
  }

  /**
   * Size of {@code message} as it goes on the wire. A message from {@link #build} was serialised
   * once when built, so this reads that length; any other is written to a counter.
   */
  public static long sizeOf(MimeMessage message) {
    if (message instanceof StableIdMimeMessage built && built.wireSize() >= 0) {
      return built.wireSize();
    }
    CountingStream counter = new CountingStream();
    try {
      message.writeTo(counter);
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException("could not measure the message", e);
    }
    return counter.count;
  }

  private static byte[] pdfOf(OutboxMessage email) {
    if (email.attachment() instanceof OutboxAttachment.RenderedPdf rendered) {
      return rendered.pdf();
    }
    throw new IllegalStateException(
        "quote " + email.quoteNumber() + " reached the message builder without its PDF rendered");
  }

  private static final class CountingStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /**
   * The message for one identity, serialised once (see {@link #sizeOf}); headers come only from
   * validated values.
   */
  public static MimeMessage build(SenderIdentity identity, OutboxMessage email, Instant date) {
    try {
      StableIdMimeMessage message = new StableIdMimeMessage(NEUTRAL_SESSION, email.messageId());
      setHeaders(message, identity, email, date);
      message.setContent(body(email));
      message.freeze();
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new QuoteMailerException("could not build the email: " + e.getMessage(), e);
    }
  }

  private static void setHeaders(
      MimeMessage message, SenderIdentity identity, OutboxMessage email, Instant date)
      throws MessagingException, UnsupportedEncodingException {
    message.setFrom(mailbox(identity.from(), identity.fromName()));
    if (identity.replyTo().isPresent()) {
      message.setReplyTo(new InternetAddress[] {mailbox(identity.replyTo().get(), null)});
    }
    if (identity.sender().isPresent()) {
      message.setSender(mailbox(identity.sender().get(), null));
    }
    message.setRecipients(Message.RecipientType.TO, addresses(email.to()));
    if (!email.cc().isEmpty()) {
      message.setRecipients(Message.RecipientType.CC, addresses(email.cc()));
    }
    message.setSubject(email.content().subject(), "UTF-8");
    message.setSentDate(Date.from(date));
  }

  private static MimeMultipart body(OutboxMessage email) throws MessagingException {
    EmailContent content = email.content();

    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(content.text(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(content.html(), "UTF-8", "html");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);

    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setDataHandler(
        new DataHandler(new ByteArrayDataSource(pdfOf(email), "application/pdf")));
    attachment.setFileName(email.pdfFileName());
    attachment.setDisposition(MimeBodyPart.ATTACHMENT);
    // Always base64: a PDF that happens to be all ASCII would otherwise go as 7bit and have its
    // line ends rewritten on the way.
    attachment.setHeader("Content-Transfer-Encoding", "base64");

    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(body);
    mixed.addBodyPart(attachment);
    return mixed;
  }

  private static InternetAddress mailbox(EmailAddress address, String name)
      throws UnsupportedEncodingException {
    return name == null
        ? new InternetAddress(address.value(), null, "UTF-8")
        : new InternetAddress(address.value(), name, "UTF-8");
  }

  private static InternetAddress[] addresses(List<EmailAddress> list)
      throws UnsupportedEncodingException {
    InternetAddress[] result = new InternetAddress[list.size()];
    for (int i = 0; i < list.size(); i++) {
      result[i] = mailbox(list.get(i), null);
    }
    return result;
  }
}
