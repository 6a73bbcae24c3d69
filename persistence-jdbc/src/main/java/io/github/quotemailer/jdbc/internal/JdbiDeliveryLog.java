package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link DeliveryLog} on {@code qm_delivery_attempt}: appends only, queries newest first with ties
 * broken by insertion order (id descending). Reply texts longer than the column ({@value
 * #MAX_REPLY_TEXT_LENGTH} characters) are cut, because losing the record of an attempt would be
 * worse than a shortened reply.
 */
public final class JdbiDeliveryLog implements DeliveryLog {
  /** Width of {@code reply_text}. */
  static final int MAX_REPLY_TEXT_LENGTH = 500;

  private final Jdbi jdbi;

  /** A log on {@code jdbi}. */
  public JdbiDeliveryLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void record(DeliveryAttempt attempt) {
    AttemptRow row = toRow(attempt);
    Failures.run(
        "recording the delivery attempt of quote '" + attempt.quoteNumber() + "'",
        () -> jdbi.useExtension(DeliveryLogDao.class, dao -> dao.insert(row)));
  }

  @Override
  public List<DeliveryAttempt> byUser(String userId, Page page) {
    String id = JdbiUserSmtpRepository.checkUserId(userId);
    return query(
        "reading the delivery log of user '" + id + "'",
        dao -> dao.byUser(id, page.offset(), page.limit()));
  }

  @Override
  public List<DeliveryAttempt> byQuote(String quoteNumber, Page page) {
    String quote = Arguments.text("quoteNumber", quoteNumber, 64);
    return query(
        "reading the delivery log of quote '" + quote + "'",
        dao -> dao.byQuote(quote, page.offset(), page.limit()));
  }

  @Override
  public List<DeliveryAttempt> between(Instant from, Instant to, Page page) {
    Arguments.present("from", from);
    Arguments.present("to", to);
    return query(
        "reading the delivery log from " + from + " to " + to,
        dao -> dao.between(from, to, page.offset(), page.limit()));
  }

  private List<DeliveryAttempt> query(
      String operation, Function<DeliveryLogDao, List<AttemptRow>> select) {
    List<AttemptRow> rows =
        Failures.translate(
            operation, () -> jdbi.withExtension(DeliveryLogDao.class, select::apply));
    return rows.stream().map(row -> toAttempt(row, operation)).toList();
  }

  private static AttemptRow toRow(DeliveryAttempt attempt) {
    String reply = attempt.replyText();
    // No id: the database assigns it on insert.
    return AttemptRow.builder()
        .attemptedAt(attempt.at())
        .userId(attempt.userId())
        .quoteNumber(attempt.quoteNumber())
        .messageId(attempt.messageId())
        .identity(attempt.identity().value())
        .reason(attempt.reason().name())
        .recipients(joinRecipients(attempt.recipients()))
        .outcome(attempt.outcome().name())
        .replyClass(attempt.replyClass().name())
        .replyCode(attempt.replyCode())
        .replyText(
            reply.length() <= MAX_REPLY_TEXT_LENGTH
                ? reply
                : reply.substring(0, MAX_REPLY_TEXT_LENGTH))
        .durationMs(attempt.duration().toMillis())
        .build();
  }

  private static DeliveryAttempt toAttempt(AttemptRow row, String operation) {
    try {
      return DeliveryAttempt.builder()
          .at(row.attemptedAt())
          .userId(row.userId())
          .quoteNumber(row.quoteNumber())
          .messageId(row.messageId())
          .identity(EmailAddress.of(row.identity()))
          .reason(ResolutionReason.valueOf(row.reason()))
          .recipients(splitRecipients(row.recipients()))
          .outcome(DeliveryOutcome.valueOf(row.outcome()))
          .replyClass(SmtpReplyClass.valueOf(row.replyClass()))
          .replyCode(row.replyCode())
          .replyText(row.replyText())
          .duration(Duration.ofMillis(row.durationMs()))
          .build();
    } catch (InvalidInputException | IllegalArgumentException e) {
      throw new StorageException(
          operation
              + " failed: delivery log row "
              + row.id()
              + " is not valid ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /** Joins addresses with commas (no spaces). */
  static String joinRecipients(List<EmailAddress> recipients) {
    return String.join(",", recipients.stream().map(EmailAddress::value).toList());
  }

  /**
   * Splits what {@link #joinRecipients} wrote. A comma inside a quoted local part ({@code
   * "a,b"@example.com}) belongs to the address, so only commas outside quotes separate.
   */
  static List<EmailAddress> splitRecipients(String joined) {
    List<EmailAddress> addresses = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '"' && (i == 0 || joined.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        addresses.add(EmailAddress.of(current.toString()));
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      addresses.add(EmailAddress.of(current.toString()));
    }
    return addresses;
  }
}
