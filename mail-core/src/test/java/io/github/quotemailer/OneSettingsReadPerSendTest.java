package io.github.quotemailer;

import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.testing.LoopbackMail;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A quote sent from the salesperson's own account reads their settings once, not twice. */
@Timeout(60)
class OneSettingsReadPerSendTest {
  private static final String JUAN_PASSWORD = "juan-secret-7";

  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtp(Map.of(COMPANY, COMPANY_PASSWORD, "juan@inair.example", JUAN_PASSWORD));

  private final CountingRepository users = new CountingRepository();

  @Test
  void aDirectSendReadsTheSettingsOnce() {
    users.save(
        settingsOfJuan(SettingsHealth.verified(Instant.parse("2025-12-01T10:00:00Z"), "ok")));
    try (QuoteMailer mailer = mailer()) {
      for (int i = 1; i <= 3; i++) {
        DeliveryReceipt receipt = mailer.send(email(i));
        assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
      }
    }

    assertThat(users.finds).hasValue(3);
    assertThat(users.healthUpdates).as("verified settings are not written again").hasValue(0);
  }

  @Test
  void aQueuedSendReadsTheSettingsOnce() throws InterruptedException {
    users.save(
        settingsOfJuan(SettingsHealth.verified(Instant.parse("2025-12-01T10:00:00Z"), "ok")));
    try (QuoteMailer mailer = mailer()) {
      mailer.enqueue(email(1));
      mailer.enqueue(email(2));
      mailer.worker().threads(1).pollInterval(Duration.ofMillis(10)).build().runUntilIdle();
    }

    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(users.finds).hasValue(2);
  }

  @Test
  void theFirstSuccessOfUnverifiedSettingsStillMarksThemVerified() {
    users.save(settingsOfJuan(SettingsHealth.unverified()));
    FallbackPolicy trustUnverified =
        FallbackPolicy.builder().retryDelay(Duration.ZERO).requireVerified(false).build();
    try (QuoteMailer mailer = mailerBuilder().fallbackPolicy(trustUnverified).build()) {
      mailer.send(email(1));
      mailer.send(email(2));
    }

    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);
    assertThat(users.healthUpdates).as("written once, on the first success").hasValue(1);
  }

  private QuoteMailer mailer() {
    return mailerBuilder().build();
  }

  private QuoteMailer.Builder mailerBuilder() {
    SmtpServer server = MailerFixture.plain(greenMail.getSmtp().getPort());
    return MailerFixture.mailer(
            MailerFixture.company(server),
            new InMemoryUserSmtpRepository(),
            new InMemoryDeliveryLog(),
            new DeliveryListener() {})
        .userSettings(users);
  }

  private UserSmtpSettings settingsOfJuan(SettingsHealth health) {
    SmtpServer server = MailerFixture.plain(greenMail.getSmtp().getPort());
    return MailerFixture.verifiedSettings("juan", server, JUAN_PASSWORD).withHealth(health);
  }

  private static QuoteEmail email(int n) {
    return QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("deal-" + n);
  }

  /** Counts reads and health writes; stores in memory. */
  private static final class CountingRepository implements UserSmtpRepository {
    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger healthUpdates = new AtomicInteger();
    private final InMemoryUserSmtpRepository store = new InMemoryUserSmtpRepository();

    @Override
    public Optional<UserSmtpSettings> find(String userId) {
      finds.incrementAndGet();
      return store.find(userId);
    }

    @Override
    public void save(UserSmtpSettings settings) {
      store.save(settings);
    }

    @Override
    public boolean delete(String userId) {
      return store.delete(userId);
    }

    @Override
    public List<UserSmtpSettings> list() {
      return store.list();
    }

    @Override
    public void updateHealth(String userId, SettingsHealth health) {
      healthUpdates.incrementAndGet();
      store.updateHealth(userId, health);
    }
  }
}
