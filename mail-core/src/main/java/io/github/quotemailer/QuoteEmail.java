package io.github.quotemailer;

import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.smtp.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One quote to email: the quote, its recipients, and the deal it belongs to.
 *
 * @param quote the quote; its salesperson decides the sender
 * @param to the main recipients, at least one
 * @param cc copies, possibly none
 * @param dealId the host's deal id, if known (part of the default idempotency key)
 * @param idempotencyKey an explicit key for {@link QuoteMailer#enqueue}; by default deal id + quote
 *     number + version + a digest of the recipients (see {@link #effectiveIdempotencyKey()})
 */
public record QuoteEmail(
    Quote quote,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    Optional<String> dealId,
    Optional<String> idempotencyKey) {

  /** More recipients than this is a mailing, not a quote; servers cap it around 100 anyway. */
  public static final int MAX_RECIPIENTS = 50;

  /** Validates recipients and deal id. */
  public QuoteEmail {
    Arguments.present("quote", quote);
    to = List.copyOf(Arguments.noNulls("to", Arguments.present("to", to)));
    cc = cc == null ? List.of() : List.copyOf(Arguments.noNulls("cc", cc));
    if (to.isEmpty()) {
      throw new InvalidInputException("to", "at least one recipient is required");
    }
    if (to.size() + cc.size() > MAX_RECIPIENTS) {
      throw new InvalidInputException("to", "more than " + MAX_RECIPIENTS + " recipients");
    }
    dealId = Arguments.optionalText("dealId", dealId, 128);
    idempotencyKey = Arguments.optionalText("idempotencyKey", idempotencyKey, 200);
  }

  /** An email of {@code quote} to the given addresses. */
  public static QuoteEmail of(Quote quote, String... to) {
    List<EmailAddress> recipients = new ArrayList<>();
    for (String address : to) {
      recipients.add(EmailAddress.of("to", address));
    }
    return new QuoteEmail(quote, recipients, List.of(), Optional.empty(), Optional.empty());
  }

  /** A copy with the host's deal id. */
  public QuoteEmail withDealId(String dealId) {
    return new QuoteEmail(quote, to, cc, Optional.of(dealId), idempotencyKey);
  }

  /** A copy with carbon-copy recipients. */
  public QuoteEmail withCc(List<EmailAddress> cc) {
    return new QuoteEmail(quote, to, cc, dealId, idempotencyKey);
  }

  /** A copy with an explicit idempotency key. */
  public QuoteEmail withIdempotencyKey(String key) {
    return new QuoteEmail(quote, to, cc, dealId, Optional.of(key));
  }

  /**
   * The key that makes enqueueing idempotent: the explicit one, or deal id + quote number + version
   * + a digest of the recipients ({@code deal-42:COT-2025-0142:v1:to=1f0c…}; without a deal id it
   * starts at the quote number; a {@code :} or {@code %} inside the deal id or quote number is
   * written {@code %3A} or {@code %25}, so different deals and quotes never share a key). The
   * digest covers {@code to} and {@code cc}, compared without case. The recipients are sorted
   * first, so their order does not matter, while correcting a customer's address makes a new key:
   * moving the deal again then sends to the corrected address. A key that would be longer than
   * {@link OutboxMessage#MAX_KEY_LENGTH} is replaced by {@code sha256:} and the hex digest of it.
   */
  public String effectiveIdempotencyKey() {
    if (idempotencyKey.isPresent()) {
      return idempotencyKey.get();
    }
    // ':' separates the parts, so it is escaped inside them: deal "42:COT" with quote "1" and
    // deal "42" with quote "COT:1" must not share a key.
    String quotePart = escaped(quote.number()) + ":v" + quote.version();
    String sortedRecipients =
        recipients().stream()
            .map(a -> a.value().toLowerCase(Locale.ROOT))
            .sorted()
            .distinct()
            .collect(Collectors.joining(","));
    // 16 hex digits (64 bits) of SHA-256: short, and no realistic collision between addresses.
    String key =
        dealId.map(d -> escaped(d) + ":" + quotePart).orElse(quotePart)
            + ":to="
            + sha256Hex(sortedRecipients, 8);
    // A 128-character deal id with a 64-character quote number would not fit the outbox's key.
    return key.length() <= OutboxMessage.MAX_KEY_LENGTH ? key : "sha256:" + sha256Hex(key, 32);
  }

  private static String escaped(String part) {
    return part.replace("%", "%25").replace(":", "%3A");
  }

  private static String sha256Hex(String text, int bytes) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Every envelope recipient: {@code to} then {@code cc}. */
  public List<EmailAddress> recipients() {
    List<EmailAddress> all = new ArrayList<>(to);
    all.addAll(cc);
    return all;
  }
}
