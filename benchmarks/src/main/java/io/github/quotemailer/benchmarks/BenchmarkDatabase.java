package io.github.quotemailer.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.quotemailer.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * One database a delivery benchmark writes to, behind a HikariCP pool as a host would have it, with
 * QuoteMailer's {@link JdbcStores} on top. Closing it removes what the benchmark created (every
 * object in the in-memory H2 database, or the PostgreSQL schema) and closes the pool.
 */
final class BenchmarkDatabase implements AutoCloseable {
  /** Pooled connections: the enqueuing thread, the worker's poller and its two sending threads. */
  static final int POOL_SIZE = 4;

  private final String product;
  private final String durability;
  private final HikariDataSource pool;
  private final JdbcStores stores;
  private final Cleanup cleanup;

  private BenchmarkDatabase(HikariDataSource pool, Cleanup cleanup) throws SQLException {
    this.pool = pool;
    this.cleanup = cleanup;
    try (Connection connection = pool.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      this.product = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
      this.durability = durabilityOf(connection, metaData.getDatabaseProductName());
    }
    this.stores = JdbcStores.create(pool);
  }

  /** A fresh in-memory H2 database {@code name}, kept until {@link #close()}. */
  static BenchmarkDatabase h2(String name) throws SQLException {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    HikariDataSource pool = pool(url, "h2-" + name);
    try {
      return new BenchmarkDatabase(
          pool,
          () -> {
            try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
              statement.execute("drop all objects");
            }
          });
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * A new schema {@code qm_bench_<random>} on the PostgreSQL server at {@code url} (credentials in
   * the URL), made current for every pooled connection through {@code currentSchema}, and dropped
   * with everything in it on {@link #close()}.
   */
  static BenchmarkDatabase postgres(String url) throws SQLException {
    String schema =
        "qm_bench_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    execute(url, "create schema " + schema);
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    HikariDataSource pool = null;
    try {
      pool = pool(schemaUrl, "postgres-" + schema);
      return new BenchmarkDatabase(pool, () -> execute(url, "drop schema " + schema + " cascade"));
    } catch (SQLException | RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      execute(url, "drop schema " + schema + " cascade");
      throw e;
    }
  }

  /** Database name and server version, e.g. "PostgreSQL 15.20 (Debian 15.20-0+deb12u1)". */
  String product() {
    return product;
  }

  /**
   * How a commit reaches the disk: PostgreSQL's {@code synchronous_commit} and {@code fsync}, or
   * that an in-memory database writes nothing.
   */
  String durability() {
    return durability;
  }

  /** QuoteMailer's stores on this database's pool. */
  JdbcStores stores() {
    return stores;
  }

  @Override
  public void close() throws SQLException {
    try {
      cleanup.run();
    } finally {
      pool.close();
    }
  }

  private static HikariDataSource pool(String url, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("bench-" + name);
    config.setMaximumPoolSize(POOL_SIZE);
    return new HikariDataSource(config);
  }

  private static String durabilityOf(Connection connection, String productName)
      throws SQLException {
    if (!productName.equals("PostgreSQL")) {
      return "in memory, nothing written to disk";
    }
    try (Statement statement = connection.createStatement();
        ResultSet settings =
            statement.executeQuery(
                "select current_setting('synchronous_commit'), current_setting('fsync')")) {
      settings.next();
      return "synchronous_commit=" + settings.getString(1) + ", fsync=" + settings.getString(2);
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Removes what the benchmark created in the database. */
  private interface Cleanup {
    void run() throws SQLException;
  }
}
