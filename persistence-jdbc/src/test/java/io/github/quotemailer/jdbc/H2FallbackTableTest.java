package io.github.quotemailer.jdbc;

import io.github.quotemailer.contract.FallbackTableContract;
import io.github.quotemailer.outbox.spi.OutboxStore;

/** The {@link FallbackTableContract} with the JDBC outbox on embedded H2, a fresh database each. */
class H2FallbackTableTest extends FallbackTableContract {
  @Override
  protected OutboxStore newOutbox() {
    TestDatabase database = EmbeddedDatabases.h2();
    closer.track(database::drop);
    JdbcStores stores = JdbcStores.create(database.newDataSource());
    stores.migrate();
    return stores.outbox();
  }
}
