package io.github.quotemailer.jdbc;

/** The {@link OutboxContract} on H2 (embedded), a fresh database per test. */
class H2OutboxTest extends OutboxContract {
  @Override
  TestDatabase openDatabase() throws Exception {
    return EmbeddedDatabases.h2();
  }
}
