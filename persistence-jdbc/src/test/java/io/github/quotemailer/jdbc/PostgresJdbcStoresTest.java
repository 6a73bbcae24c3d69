package io.github.quotemailer.jdbc;

import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link JdbcStoresContract} on a real PostgreSQL server named by {@code QM_TEST_POSTGRES_URL}
 * (user and password in the URL or in {@code QM_TEST_POSTGRES_USER}/{@code _PASSWORD}); skipped,
 * with a message saying so, when the variable is not set (failed instead when {@code
 * QM_TEST_REQUIRE_SERVERS} is {@code true}). One schema per test.
 */
class PostgresJdbcStoresTest extends JdbcStoresContract {
  private static String url;

  @BeforeAll
  static void requireServer() {
    url = ServerDatabases.requireUrl("PostgreSQL", "QM_TEST_POSTGRES_URL");
  }

  @Override
  TestDatabase openDatabase() throws Exception {
    return ServerDatabases.postgres(url);
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.POSTGRESQL;
  }
}
