package io.github.quotemailer.contract;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.outbox.OutboxAttachment;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.template.EmailContent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The values the store contracts save and read back. */
public final class StoreSamples {
  /** A fixed moment the contracts count from. */
  public static final Instant T0 = Instant.parse("2025-12-09T10:00:00Z");

  /** The cipher the contracts' settings are encrypted with. */
  public static final SecretCipher CIPHER =
      SecretCipher.create(KeyRing.of("contract", filled((byte) 42)));

  /** The customer every sample message goes to. */
  public static final String CUSTOMER = "compras@hsjn.example";

  /** A tiny document that starts like a PDF. */
  public static final byte[] TINY_PDF = "%PDF-1.4 tiny\n%%EOF\n".getBytes(US_ASCII);

  private StoreSamples() {}

  /** Settings for {@code userId} at {@code address}, with {@code password} encrypted. */
  public static UserSmtpSettings settings(String userId, String address, String password) {
    return UserSmtpSettings.of(
        userId, EmailAddress.of(address), userId, CIPHER.encrypt(Secret.of(password), userId));
  }

  /** A sent attempt of {@code quote} by {@code userId} at {@code at}. */
  public static DeliveryAttempt attempt(Instant at, String userId, String quote) {
    return new DeliveryAttempt(
        at,
        userId,
        quote,
        "<" + quote + "." + at.toEpochMilli() + "@inair.example>",
        EmailAddress.of(userId + "@inair.example"),
        ResolutionReason.OWN_ACCOUNT,
        List.of(EmailAddress.of("cliente@example.com")),
        DeliveryOutcome.SENT,
        SmtpReplyClass.ACCEPTED,
        250,
        "250 2.0.0 queued",
        Duration.ofMillis(412));
  }

  /** A small message for the outbox with idempotency key {@code key}. */
  public static OutboxMessage message(String key, String messageId, Instant enqueuedAt) {
    return new OutboxMessage(
        key,
        messageId,
        Salesperson.of("juan", "Juan Pérez", "juan@inair.example"),
        "COT-2025-0142",
        List.of(EmailAddress.of(CUSTOMER)),
        List.of(),
        new EmailContent("Cotización COT-2025-0142", "Hola", "<p>Hola</p>"),
        new OutboxAttachment.RenderedPdf(TINY_PDF),
        "COT-2025-0142.pdf",
        enqueuedAt);
  }

  private static byte[] filled(byte value) {
    byte[] key = new byte[KeyRing.KEY_BYTES];
    Arrays.fill(key, value);
    return key;
  }
}
