package io.github.quotemailer.jdbc;

import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link SendingLimitNodesContract} on the PostgreSQL server named by {@code
 * QM_TEST_POSTGRES_URL}; skipped, with a message saying so, when the variable is not set (failed
 * instead when {@code QM_TEST_REQUIRE_SERVERS} is {@code true}).
 */
class PostgresSendingLimitNodesTest extends SendingLimitNodesContract {
  private static String url;

  @BeforeAll
  static void requireServer() {
    url = ServerDatabases.requireUrl("PostgreSQL", "QM_TEST_POSTGRES_URL");
  }

  @Override
  TestDatabase openDatabase() throws Exception {
    return ServerDatabases.postgres(url);
  }
}
