package io.github.quotemailer.contract;

import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.spi.OutboxStore;

/** The {@link FallbackTableContract} with the in-memory outbox. */
class InMemoryFallbackTableTest extends FallbackTableContract {
  @Override
  protected OutboxStore newOutbox() {
    return new InMemoryOutbox();
  }
}
