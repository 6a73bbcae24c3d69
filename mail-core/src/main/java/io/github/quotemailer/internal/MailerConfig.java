package io.github.quotemailer.internal;

import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.outbox.Outbox;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.template.EmailTemplates;
import java.time.Clock;
import java.time.Duration;

/** What {@link io.github.quotemailer.QuoteMailer.Builder} collected, validated on creation. */
public record MailerConfig(
    CompanySender companySender,
    SecretCipher cipher,
    QuoteDocumentRenderer renderer,
    UserSmtpRepository userSettings,
    DeliveryLog deliveryLog,
    Outbox outbox,
    EmailTemplates templates,
    FallbackPolicy fallbackPolicy,
    DeliveryListener listener,
    Clock clock,
    long maxMessageBytes,
    Duration verifyDeadline,
    String heloName,
    int maxIdleConnectionsPerIdentity,
    Duration idleConnectionTimeout) {

  /** Rejects a configuration missing a required part, naming the builder method to call. */
  public MailerConfig {
    Checks.present("companySender", companySender);
    Checks.present("keyRing", cipher);
    Checks.present("renderer", renderer);
    Checks.present("userSettings", userSettings);
    Checks.present("deliveryLog", deliveryLog);
    Checks.present("outbox", outbox);
    Checks.present("templates", templates);
    Checks.present("fallbackPolicy", fallbackPolicy);
    Checks.present("listener", listener);
    Checks.present("clock", clock);
    if (maxMessageBytes < 1024) {
      throw new io.github.quotemailer.InvalidInputException(
          "maxMessageBytes", maxMessageBytes + " is too small for any quote");
    }
    Checks.present("verifyDeadline", verifyDeadline);
    heloName = Checks.text("heloName", heloName, 253);
    if (maxIdleConnectionsPerIdentity < 0 || maxIdleConnectionsPerIdentity > 64) {
      throw new io.github.quotemailer.InvalidInputException(
          "maxIdleConnectionsPerIdentity", maxIdleConnectionsPerIdentity + " is outside 0-64");
    }
    Checks.present("idleConnectionTimeout", idleConnectionTimeout);
    if (idleConnectionTimeout.isNegative() || idleConnectionTimeout.isZero()) {
      throw new io.github.quotemailer.InvalidInputException(
          "idleConnectionTimeout", "must be positive");
    }
  }
}
