package io.github.quotemailer.jdbc;

import javax.sql.DataSource;

/** One empty database (or schema) for one test, removed again by {@link #drop()}. */
interface TestDatabase {
  /** A new, unpooled data source on the database; each call returns a separate one. */
  DataSource newDataSource();

  /** Drops what the test created. */
  void drop() throws Exception;
}
