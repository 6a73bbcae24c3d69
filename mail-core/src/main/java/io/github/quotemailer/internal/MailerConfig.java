package io.github.quotemailer.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.outbox.spi.OutboxStore;
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
    OutboxStore outbox,
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
    Arguments.present("companySender", companySender);
    Arguments.present("keyRing", cipher);
    Arguments.present("renderer", renderer);
    Arguments.present("userSettings", userSettings);
    Arguments.present("deliveryLog", deliveryLog);
    Arguments.present("outbox", outbox);
    Arguments.present("templates", templates);
    Arguments.present("fallbackPolicy", fallbackPolicy);
    Arguments.present("listener", listener);
    Arguments.present("clock", clock);
    if (maxMessageBytes < 1024) {
      throw new io.github.quotemailer.InvalidInputException(
          "maxMessageBytes", maxMessageBytes + " is too small for any quote");
    }
    Arguments.present("verifyDeadline", verifyDeadline);
    heloName = Arguments.text("heloName", heloName, 253);
    if (maxIdleConnectionsPerIdentity < 0 || maxIdleConnectionsPerIdentity > 64) {
      throw new io.github.quotemailer.InvalidInputException(
          "maxIdleConnectionsPerIdentity", maxIdleConnectionsPerIdentity + " is outside 0-64");
    }
    Arguments.present("idleConnectionTimeout", idleConnectionTimeout);
    if (idleConnectionTimeout.isNegative() || idleConnectionTimeout.isZero()) {
      throw new io.github.quotemailer.InvalidInputException(
          "idleConnectionTimeout", "must be positive");
    }
  }
}
