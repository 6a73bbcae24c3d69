package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mailer or worker wired wrong fails with a {@link ConfigurationException} naming the setting, at
 * {@code build()} where the mistake can be known then, before anything is sent.
 */
class ConfigurationErrorsTest {
  @RegisterExtension final Closer closer = new Closer();

  private static QuoteMailer.Builder mailer(SmtpServer companyServer) {
    return MailerFixture.mailer(
        MailerFixture.company(companyServer),
        new InMemoryUserSmtpRepository(),
        new InMemoryDeliveryLog(),
        new DeliveryListener() {});
  }

  @Test
  void aMissingCompanySenderIsNamedAtBuild() {
    assertThatThrownBy(() -> QuoteMailer.builder().keyRing(MailerFixture.KEYS).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("companySender:");
  }

  @Test
  void aMissingQueuedRenderingIsNamed() {
    assertThatThrownBy(() -> QuoteMailer.builder().queuedRendering(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("queuedRendering:");
  }

  @Test
  void anUnreadableCompanyTrustStoreFailsAtBuildNotAtTheFirstSend() {
    SmtpServer server =
        SmtpServer.builder("127.0.0.1", 2525, TransportSecurity.STARTTLS_REQUIRED)
            .trustStore(Path.of("no-such-dir", "company-ca.p12"), "changeit".toCharArray())
            .build();

    assertThatThrownBy(() -> mailer(server).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("smtp.trustStore:")
        .hasMessageContaining("company-ca.p12");
  }

  @Test
  void workerSettingsOutOfRangeAreConfigurationErrors() {
    QuoteMailer mailer = closer.track(mailer(MailerFixture.plain(2525)).build());

    assertThatThrownBy(() -> mailer.worker().threads(0))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("threads:");
    assertThatThrownBy(() -> mailer.worker().lease(Duration.ZERO))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> mailer.worker().owner(" "))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("owner:");
    assertThatThrownBy(() -> mailer.worker().retry(null))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> mailer.worker().unknownOutcome(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("unknownOutcome:");
  }

  @Test
  void aSendingLimitForNoHostOrWithoutALimitIsNamedWhenItIsSet() {
    SendingLimit fivePerDay = SendingLimit.parse("limit", "5/24h");

    assertThatThrownBy(() -> QuoteMailer.builder().sendingLimit(" ", fivePerDay))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("sendingLimit:");
    assertThatThrownBy(() -> QuoteMailer.builder().sendingLimit("smtp.inair .example", fivePerDay))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("sendingLimit:");
    assertThatThrownBy(() -> QuoteMailer.builder().sendingLimit("smtp.inair.example", null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("sendingLimit:");
    assertThatThrownBy(() -> QuoteMailer.builder().companySendingLimit(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("companySendingLimit:");
    assertThatThrownBy(() -> QuoteMailer.builder().sendingLedger(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("sendingLedger:");
  }

  @Test
  void missingStoresAreNamedWhenTheyAreHandedOver() {
    assertThatThrownBy(() -> QuoteMailer.builder().stores(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("stores:");
    QuoteMailerStores withoutOutbox =
        new QuoteMailerStores() {
          @Override
          public io.github.quotemailer.identity.UserSmtpRepository userSettings() {
            return new InMemoryUserSmtpRepository();
          }

          @Override
          public io.github.quotemailer.delivery.DeliveryLog deliveryLog() {
            return new InMemoryDeliveryLog();
          }

          @Override
          public io.github.quotemailer.outbox.spi.OutboxStore outbox() {
            return null;
          }
        };
    assertThatThrownBy(() -> QuoteMailer.builder().stores(withoutOutbox))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("stores.outbox():");
  }

  @Test
  void retryAndPolicySettingsOutOfRangeAreConfigurationErrors() {
    assertThatThrownBy(
            () -> new RetrySettings(0, Duration.ZERO, Duration.ZERO, 0.2, Duration.ofHours(1)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("maxAttempts:");
    assertThatThrownBy(() -> FallbackPolicy.builder().ownAccountAttempts(0))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void theInMemoryOutboxCannotJoinAHostTransaction() {
    assertThatThrownBy(() -> new InMemoryOutbox().enqueue(null, null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("JdbcStores");
  }

  @Test
  void aConfigurationErrorIsStillInvalidInputForCodeThatCatchesThat() {
    assertThat(new ConfigurationException("threads", "0 is outside 1-64"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("threads: 0 is outside 1-64")
        .extracting(InvalidInputException::field)
        .isEqualTo("threads");
  }
}
