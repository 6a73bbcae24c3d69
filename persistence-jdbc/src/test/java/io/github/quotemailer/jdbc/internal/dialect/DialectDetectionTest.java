package io.github.quotemailer.jdbc.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.StorageException;
import io.github.quotemailer.jdbc.Dialect;
import org.junit.jupiter.api.Test;

/**
 * Which dialect each product name from the JDBC metadata gets, including the names no server on
 * this project's machines reports (MySQL, MariaDB under MySQL's name).
 */
class DialectDetectionTest {
  @Test
  void eachProductGetsItsOwnDialect() {
    assertThat(Dialects.of("H2", "2.3.232").product()).isEqualTo(Dialect.H2);
    assertThat(Dialects.of("SQLite", "3.46.0").product()).isEqualTo(Dialect.SQLITE);
    assertThat(Dialects.of("PostgreSQL", "16.4").product()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(Dialects.of("MariaDB", "10.11.8").product()).isEqualTo(Dialect.MARIADB);
  }

  @Test
  void mariaDbCallingItselfMySqlIsStillMariaDb() {
    assertThat(Dialects.of("MySQL", "10.6.12-MariaDB").product()).isEqualTo(Dialect.MARIADB);
  }

  @Test
  void mySqlRunsOnMariaDbStatementsAndMigrations() {
    SqlDialect mySql = Dialects.of("MySQL", "8.0.36");

    assertThat(mySql.product()).isEqualTo(Dialect.MYSQL);
    assertThat(mySql.migrationLocation())
        .isEqualTo(Dialects.of("MariaDB", "10.11.8").migrationLocation());
    assertThat(mySql.outboxStatements()).isEqualTo(MariaDbDialect.OutboxStatements.class);
  }

  @Test
  void anUnknownDatabaseIsRefusedNamingTheSupportedOnes() {
    assertThatThrownBy(() -> Dialects.of("Oracle", "23ai"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("unsupported database 'Oracle'")
        .hasMessageContaining("H2, SQLite, PostgreSQL, MariaDB and MySQL");
  }
}
