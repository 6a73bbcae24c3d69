package io.github.quotemailer.jdbc;

import io.github.quotemailer.jdbc.internal.DriverManagerDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/** The {@link JdbcStoresContract} on SQLite, one database file per test. */
class SqliteJdbcStoresTest extends JdbcStoresContract {
  @Override
  TestDatabase openDatabase() throws Exception {
    Path dir = Files.createTempDirectory("qm-sqlite");
    Path file = dir.resolve("qm.db");
    return new TestDatabase() {
      @Override
      public DataSource newDataSource() {
        return new DriverManagerDataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
      }

      @Override
      public void drop() throws Exception {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(dir);
      }
    };
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.SQLITE;
  }
}
