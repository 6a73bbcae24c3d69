package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.ForwardingOutbox;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code builder.stores(...)} wires settings, log and outbox in one call; whatever is left in
 * memory is named once, in a warning, when the mailer is built.
 */
class StoresWiringTest {
  private static final SmtpServer SERVER =
      SmtpServer.of("smtp.inair.example", 465, TransportSecurity.IMPLICIT_TLS);

  @RegisterExtension CapturedLogs logs = new CapturedLogs();

  @Test
  void oneCallWiresAllThreeStores() {
    DurableStores stores = new DurableStores();
    try (QuoteMailer mailer = base().stores(stores).build()) {
      mailer
          .userSettings()
          .save(
              UserSmtpSettings.draft("juan", EmailAddress.of("juan@inair.example"), "Juan"),
              Secret.of("juan-Pass-1"));
      String id = mailer.enqueue(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example")).id();

      assertThat(stores.settings.find("juan")).isPresent();
      assertThat(stores.outbox.status(Instant.now()).due()).isEqualTo(1);
      // The host gets a view of the wired store: the same entries, none of the lease protocol.
      assertThat(mailer.outbox().find(id)).isEqualTo(stores.outbox.find(id));
      assertThat(mailer.outbox()).isNotInstanceOf(OutboxStore.class);
      assertThat(mailer.deliveryLog()).isSameAs(stores.log);
    }
    assertThat(logs.text()).doesNotContain("in memory");
  }

  @Test
  void theStoresSendingLedgerDecidesWhetherAnIdentityMaySend() {
    DurableStores stores = new DurableStores();
    SendingLedger refusing =
        new SendingLedger() {
          @Override
          public Admission reserve(
              EmailAddress identity, SendingLimit limit, Instant now, Instant expiresAt) {
            return new Refused(identity, now.plusSeconds(60), "refused by the stores' ledger");
          }

          @Override
          public void release(Granted reservation) {}

          @Override
          public void pause(EmailAddress identity, Instant until, String reason) {}

          @Override
          public Optional<Pause> pauseOf(EmailAddress identity, Instant now) {
            return Optional.empty();
          }
        };
    QuoteMailerStores withLedger =
        new QuoteMailerStores() {
          @Override
          public UserSmtpRepository userSettings() {
            return stores.settings;
          }

          @Override
          public DeliveryLog deliveryLog() {
            return stores.log;
          }

          @Override
          public OutboxStore outbox() {
            return stores.outbox;
          }

          @Override
          public SendingLedger sendingLedger() {
            return refusing;
          }
        };

    try (QuoteMailer mailer =
        base()
            .stores(withLedger)
            .companySendingLimit(SendingLimit.of(100, Duration.ofHours(1)))
            .build()) {
      assertThatThrownBy(() -> mailer.send(QuoteEmail.of(Quotes.sample("juan"), "c@hsjn.example")))
          .isInstanceOf(DeliveryException.class)
          .hasMessageContaining("refused by the stores' ledger");
    }
  }

  @Test
  void storesWithoutALedgerOfTheirOwnCountTheSendsOfTheirDeliveryLog() {
    DurableStores stores = new DurableStores();
    stores.log.record(
        DeliveryAttempt.builder()
            .at(Instant.now().minusSeconds(60))
            .userId("ana")
            .quoteNumber("COT-2025-0001")
            .messageId("<earlier@inair.example>")
            .identity(EmailAddress.of(MailerFixture.COMPANY))
            .reason(ResolutionReason.NOT_CONFIGURED)
            .recipients(List.of(EmailAddress.of("c@hsjn.example")))
            .outcome(DeliveryOutcome.SENT)
            .replyClass(SmtpReplyClass.ACCEPTED)
            .replyCode(250)
            .replyText("250 OK")
            .duration(Duration.ofMillis(100))
            .build());

    try (QuoteMailer mailer =
        base()
            .stores(stores)
            .companySendingLimit(SendingLimit.of(1, Duration.ofHours(1)))
            .build()) {
      assertThatThrownBy(() -> mailer.send(QuoteEmail.of(Quotes.sample("juan"), "c@hsjn.example")))
          .isInstanceOf(DeliveryException.class)
          .hasMessageContaining("sending limit 1/1h of ventas@inair.example reached");
    }
  }

  @Test
  void aMailerBuiltWithTheDefaultsNamesEveryInMemoryStoreOnce() {
    base().build().close();

    assertThat(logs.lines())
        .filteredOn(line -> line.contains("in memory"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("user settings, delivery log, outbox")
                    .contains("lost on restart")
                    .contains("stores("));
  }

  @Test
  void aForgottenOutboxIsNamedAlone() {
    DurableStores durable = new DurableStores();
    base().userSettings(durable.settings).deliveryLog(durable.log).build().close();

    assertThat(logs.lines())
        .filteredOn(line -> line.contains("in memory"))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("keeps its outbox in memory"));
  }

  private static QuoteMailer.Builder base() {
    return QuoteMailer.builder()
        .companySender(MailerFixture.company(SERVER))
        .keyRing(MailerFixture.KEYS)
        .renderer(new io.github.quotemailer.testing.TinyPdfRenderer());
  }

  /** Stand-ins for a database's stores: not the library's in-memory classes, so not warned of. */
  private static final class DurableStores implements QuoteMailerStores {
    final UserSmtpRepository settings = new ForwardingRepository(new InMemoryUserSmtpRepository());
    final DeliveryLog log = new ForwardingLog(new InMemoryDeliveryLog());
    final OutboxStore outbox = new ForwardingOutbox();

    @Override
    public UserSmtpRepository userSettings() {
      return settings;
    }

    @Override
    public DeliveryLog deliveryLog() {
      return log;
    }

    @Override
    public OutboxStore outbox() {
      return outbox;
    }
  }

  private record ForwardingRepository(UserSmtpRepository d) implements UserSmtpRepository {
    @Override
    public Optional<UserSmtpSettings> find(String userId) {
      return d.find(userId);
    }

    @Override
    public void save(UserSmtpSettings settings) {
      d.save(settings);
    }

    @Override
    public boolean delete(String userId) {
      return d.delete(userId);
    }

    @Override
    public List<UserSmtpSettings> list() {
      return d.list();
    }
  }

  private record ForwardingLog(DeliveryLog d) implements DeliveryLog {
    @Override
    public void record(DeliveryAttempt attempt) {
      d.record(attempt);
    }

    @Override
    public List<DeliveryAttempt> byUser(String userId, Page page) {
      return d.byUser(userId, page);
    }

    @Override
    public List<DeliveryAttempt> byQuote(String quoteNumber, Page page) {
      return d.byQuote(quoteNumber, page);
    }

    @Override
    public List<DeliveryAttempt> between(Instant from, Instant to, Page page) {
      return d.between(from, to, page);
    }
  }
}
