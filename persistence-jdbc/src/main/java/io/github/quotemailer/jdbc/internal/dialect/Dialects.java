package io.github.quotemailer.jdbc.internal.dialect;

import io.github.quotemailer.StorageException;
import io.github.quotemailer.jdbc.internal.Failures;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Finds the {@link SqlDialect} of a database from its JDBC metadata: the one place that knows every
 * dialect. A new database is registered here with one more test of the product name.
 */
public final class Dialects {
  private Dialects() {}

  /** Opens one connection to {@code dataSource} and reads the product name. */
  public static SqlDialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      return of(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
    } catch (SQLException e) {
      throw Failures.failed("connecting to the database to detect its type", e);
    }
  }

  /** The dialect of a product, as JDBC names it; MariaDB may call itself MySQL in the name. */
  static SqlDialect of(String productName, String productVersion) {
    String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
    String version = productVersion == null ? "" : productVersion.toLowerCase(Locale.ROOT);
    if (name.contains("h2")) {
      return new H2Dialect();
    }
    if (name.contains("sqlite")) {
      return new SqliteDialect();
    }
    if (name.contains("postgresql")) {
      return new PostgresDialect();
    }
    if (name.contains("mariadb") || (name.contains("mysql") && version.contains("mariadb"))) {
      return MariaDbDialect.mariaDb();
    }
    if (name.contains("mysql")) {
      return MariaDbDialect.mySql();
    }
    throw new StorageException(
        "unsupported database '"
            + productName
            + "'; QuoteMailer's tables are written for H2, SQLite, PostgreSQL, MariaDB and MySQL");
  }
}
