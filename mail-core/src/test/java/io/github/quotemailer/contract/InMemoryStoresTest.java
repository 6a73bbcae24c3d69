package io.github.quotemailer.contract;

import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.delivery.InMemorySendingLedger;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.spi.OutboxStore;
import org.junit.jupiter.api.Timeout;

/** The in-memory stores against the contracts the JDBC stores run on every database. */
@Timeout(120)
class InMemoryStoresTest
    implements UserSmtpRepositoryContract,
        DeliveryLogContract,
        OutboxStoreContract,
        SendingLedgerContract,
        RefreshTokenStoreContract {
  // JUnit makes a new instance, so new stores, for every test.
  private final InMemoryUserSmtpRepository settings = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final InMemorySendingLedger ledger = new InMemorySendingLedger(log);

  @Override
  public io.github.quotemailer.oauth2.RefreshTokenStore refreshTokenStore() {
    return new io.github.quotemailer.oauth2.InMemoryRefreshTokenStore();
  }

  @Override
  public UserSmtpRepository settingsStore() {
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

  @Override
  public OutboxStore outboxOfAnotherInstance() {
    return outbox;
  }

  @Override
  public SendingLedger sendingLedger() {
    return ledger;
  }

  @Override
  public SendingLedger sendingLedgerOfAnotherInstance() {
    return ledger;
  }
}
