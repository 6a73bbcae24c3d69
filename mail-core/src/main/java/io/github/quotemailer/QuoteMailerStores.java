package io.github.quotemailer;

import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.InMemorySendingLedger;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.oauth2.InMemoryRefreshTokenStore;
import io.github.quotemailer.oauth2.RefreshTokenStore;
import io.github.quotemailer.outbox.spi.OutboxStore;

/**
 * The stores a {@link QuoteMailer} keeps its state in, handed over in one call with {@link
 * QuoteMailer.Builder#stores(QuoteMailerStores)} so none of them is forgotten and silently left in
 * memory. {@code persistence-jdbc}'s {@code JdbcStores} implements it on the host's database.
 */
public interface QuoteMailerStores {
  /** Per-user SMTP settings. */
  UserSmtpRepository userSettings();

  /** One record per delivery attempt. */
  DeliveryLog deliveryLog();

  /** The durable queue behind {@link QuoteMailer#enqueue}. */
  OutboxStore outbox();

  /**
   * Where sends are counted against sending limits, and provider pauses kept. The default is an
   * {@link InMemorySendingLedger} over {@link #deliveryLog()}: exact within one JVM; stores shared
   * by several nodes override it ({@code JdbcStores} does) so that a limit holds across all of
   * them.
   */
  default SendingLedger sendingLedger() {
    return new InMemorySendingLedger(deliveryLog());
  }

  /**
   * The rotated refresh tokens of OAuth2 accounts without user settings (the company account). The
   * default keeps them in memory, for stores that have nowhere else to keep them.
   */
  default RefreshTokenStore refreshTokens() {
    return new InMemoryRefreshTokenStore();
  }
}
