package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.StorageException;
import io.github.quotemailer.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Finds the {@link Dialect} of a database from its JDBC metadata. */
public final class Dialects {
  private Dialects() {}

  /** Opens one connection to {@code dataSource} and reads the product name. */
  public static Dialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      return of(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
    } catch (SQLException e) {
      throw Failures.failed("connecting to the database to detect its type", e);
    }
  }

  /** The dialect of a product, as JDBC names it; MariaDB may call itself MySQL in the name. */
  static Dialect of(String productName, String productVersion) {
    String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
    String version = productVersion == null ? "" : productVersion.toLowerCase(Locale.ROOT);
    if (name.contains("h2")) {
      return Dialect.H2;
    }
    if (name.contains("sqlite")) {
      return Dialect.SQLITE;
    }
    if (name.contains("postgresql")) {
      return Dialect.POSTGRESQL;
    }
    if (name.contains("mariadb") || (name.contains("mysql") && version.contains("mariadb"))) {
      return Dialect.MARIADB;
    }
    if (name.contains("mysql")) {
      return Dialect.MYSQL;
    }
    throw new StorageException(
        "unsupported database '"
            + productName
            + "'; QuoteMailer's tables are written for H2, SQLite, PostgreSQL, MariaDB and MySQL");
  }

  /** The settings statements with {@code dialect}'s upsert. */
  public static Class<? extends SettingsDao> settingsDao(Dialect dialect) {
    return switch (dialect) {
      case H2 -> SettingsDao.Merge.class;
      case SQLITE, POSTGRESQL -> SettingsDao.OnConflict.class;
      case MARIADB, MYSQL -> SettingsDao.OnDuplicateKey.class;
    };
  }

  /** The outbox statements with {@code dialect}'s insert that leaves an existing key alone. */
  public static Class<? extends OutboxDao> outboxDao(Dialect dialect) {
    return switch (dialect) {
      case H2 -> OutboxDao.Merge.class;
      case SQLITE, POSTGRESQL -> OutboxDao.OnConflict.class;
      case MARIADB, MYSQL -> OutboxDao.OnDuplicateKey.class;
    };
  }

  /**
   * Whether outbox claims use {@code SELECT ... FOR UPDATE SKIP LOCKED}: PostgreSQL 9.5+, MariaDB
   * 10.6+ and MySQL 8.0.1+ have it. SQLite never does, and H2 only from 2.2.220: both use the
   * portable conditional update instead.
   */
  public static boolean claimsSkipLocked(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL, MARIADB, MYSQL -> true;
      case H2, SQLITE -> false;
    };
  }
}
