package io.github.quotemailer.jdbc;

/** The {@link JdbcStoresContract} on SQLite, one database file per test. */
class SqliteJdbcStoresTest extends JdbcStoresContract {
  @Override
  TestDatabase openDatabase() throws Exception {
    return EmbeddedDatabases.sqlite();
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.SQLITE;
  }
}
