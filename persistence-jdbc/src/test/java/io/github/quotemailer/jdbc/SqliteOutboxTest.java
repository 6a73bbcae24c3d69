package io.github.quotemailer.jdbc;

/** The {@link OutboxContract} on SQLite (embedded), a fresh database per test. */
class SqliteOutboxTest extends OutboxContract {
  @Override
  TestDatabase openDatabase() throws Exception {
    return EmbeddedDatabases.sqlite();
  }
}
