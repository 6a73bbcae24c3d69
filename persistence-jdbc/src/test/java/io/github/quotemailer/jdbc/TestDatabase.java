package io.github.quotemailer.jdbc;

import javax.sql.DataSource;

/** One empty database (or schema) for one test, removed again by {@link #drop()}. */
interface TestDatabase {
  /** A new, unpooled data source on the database; each call returns a separate one. */
  DataSource newDataSource();

  /**
   * The JDBC URL of the database, for another JVM (credentials, if not in the URL, come from the
   * same environment variables there). An embedded in-memory database answers a URL that only this
   * JVM can open.
   */
  String jdbcUrl();

  /** Drops what the test created. */
  void drop() throws Exception;
}
