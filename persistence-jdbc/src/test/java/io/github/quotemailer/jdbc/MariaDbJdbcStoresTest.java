package io.github.quotemailer.jdbc;

import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link JdbcStoresContract} on a real MariaDB server named by {@code QM_TEST_MARIADB_URL}
 * (user and password in the URL or in {@code QM_TEST_MARIADB_USER}/{@code _PASSWORD}); skipped,
 * with a message saying so, when the variable is not set (failed instead when {@code
 * QM_TEST_REQUIRE_SERVERS} is {@code true}). One database per test.
 */
class MariaDbJdbcStoresTest extends JdbcStoresContract {
  private static String url;

  @BeforeAll
  static void requireServer() {
    url = ServerDatabases.requireUrl("MariaDB", "QM_TEST_MARIADB_URL");
  }

  @Override
  TestDatabase openDatabase() throws Exception {
    return ServerDatabases.mariaDb(url);
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.MARIADB;
  }
}
