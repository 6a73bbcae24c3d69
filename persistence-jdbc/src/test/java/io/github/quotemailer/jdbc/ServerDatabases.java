package io.github.quotemailer.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.quotemailer.jdbc.internal.DriverManagerDataSource;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Test databases on real servers, found through environment variables. Each test gets its own
 * schema (PostgreSQL) or database (MariaDB), named {@code qm_test_<random>} and dropped after it,
 * so runs on a shared server never see each other's tables.
 */
final class ServerDatabases {
  private static final Pattern MARIADB_URL =
      Pattern.compile("^(jdbc:(?:mariadb|mysql)://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

  private ServerDatabases() {}

  /**
   * Skips the calling test class, naming the database, when {@code variable} is not set; fails it
   * instead when {@code QM_TEST_REQUIRE_SERVERS} is {@code true} (as on CI), so a server that was
   * expected and did not start cannot leave the run green with its tests skipped.
   */
  static String requireUrl(String database, String variable) {
    String url = System.getenv(variable);
    boolean missing = url == null || url.isBlank();
    if (missing && "true".equals(System.getenv("QM_TEST_REQUIRE_SERVERS"))) {
      throw new IllegalStateException(
          database
              + " tests cannot run: "
              + variable
              + " not set and QM_TEST_REQUIRE_SERVERS=true");
    }
    assumeTrue(!missing, database + " tests skipped: " + variable + " not set");
    return url;
  }

  /** A fresh PostgreSQL schema, made current through {@code currentSchema} in the URL. */
  static TestDatabase postgres(String url) throws Exception {
    String user = System.getenv("QM_TEST_POSTGRES_USER");
    String password = System.getenv("QM_TEST_POSTGRES_PASSWORD");
    DataSource admin = new DriverManagerDataSource(url, user, password);
    String schema = uniqueName();
    Tables.execute(admin, "create schema " + schema);
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase() {
      @Override
      public DataSource newDataSource() {
        return new DriverManagerDataSource(schemaUrl, user, password);
      }

      @Override
      public String jdbcUrl() {
        return schemaUrl;
      }

      @Override
      public void drop() throws Exception {
        Tables.execute(admin, "drop schema " + schema + " cascade");
      }
    };
  }

  /** A fresh MariaDB database, named in place of the URL's database. */
  static TestDatabase mariaDb(String url) throws Exception {
    String user = System.getenv("QM_TEST_MARIADB_USER");
    String password = System.getenv("QM_TEST_MARIADB_PASSWORD");
    Matcher parts = MARIADB_URL.matcher(url);
    if (!parts.matches()) {
      throw new IllegalArgumentException(
          "QM_TEST_MARIADB_URL must look like jdbc:mariadb://host:port/database?options");
    }
    DataSource admin = new DriverManagerDataSource(url, user, password);
    String database = uniqueName();
    Tables.execute(
        admin, "create database " + database + " character set utf8mb4 collate utf8mb4_bin");
    String query = parts.group(3) == null ? "" : parts.group(3);
    String databaseUrl = parts.group(1) + "/" + database + query;
    return new TestDatabase() {
      @Override
      public DataSource newDataSource() {
        return new DriverManagerDataSource(databaseUrl, user, password);
      }

      @Override
      public String jdbcUrl() {
        return databaseUrl;
      }

      @Override
      public void drop() throws Exception {
        Tables.execute(admin, "drop database " + database);
      }
    };
  }

  /**
   * A data source on {@code url} with the credentials of the environment variables its database's
   * tests use ({@code QM_TEST_POSTGRES_USER}, ...): how another JVM opens a test database.
   */
  static DataSource dataSourceFor(String url) {
    String prefix =
        url.startsWith("jdbc:postgresql:")
            ? "QM_TEST_POSTGRES_"
            : url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")
                ? "QM_TEST_MARIADB_"
                : null;
    if (prefix == null) {
      return new DriverManagerDataSource(url, url.startsWith("jdbc:h2:") ? "sa" : null, "");
    }
    return new DriverManagerDataSource(
        url, System.getenv(prefix + "USER"), System.getenv(prefix + "PASSWORD"));
  }

  private static String uniqueName() {
    return "qm_test_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }
}
