package io.github.quotemailer.internal;

import io.github.quotemailer.ConfigurationException;
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

  /**
   * Rejects a configuration missing a required part, naming the builder method to call.
   *
   * @throws ConfigurationException naming the setting
   */
  public MailerConfig {
    required("companySender", companySender);
    required("keyRing", cipher);
    required("renderer", renderer);
    required("userSettings", userSettings);
    required("deliveryLog", deliveryLog);
    required("outbox", outbox);
    required("templates", templates);
    required("fallbackPolicy", fallbackPolicy);
    required("listener", listener);
    required("clock", clock);
    if (maxMessageBytes < 1024) {
      throw new ConfigurationException(
          "maxMessageBytes", maxMessageBytes + " is too small for any quote");
    }
    required("verifyDeadline", verifyDeadline);
    try {
      heloName = io.github.quotemailer.Arguments.text("heloName", heloName, 253);
    } catch (io.github.quotemailer.InvalidInputException e) {
      throw new ConfigurationException("heloName", e.getMessage().substring("heloName: ".length()));
    }
    if (maxIdleConnectionsPerIdentity < 0 || maxIdleConnectionsPerIdentity > 64) {
      throw new ConfigurationException(
          "maxIdleConnectionsPerIdentity", maxIdleConnectionsPerIdentity + " is outside 0-64");
    }
    required("idleConnectionTimeout", idleConnectionTimeout);
    if (idleConnectionTimeout.isNegative() || idleConnectionTimeout.isZero()) {
      throw new ConfigurationException("idleConnectionTimeout", "must be positive");
    }
  }

  private static void required(String setting, Object value) {
    if (value == null) {
      throw new ConfigurationException(setting, "is required");
    }
  }
}
