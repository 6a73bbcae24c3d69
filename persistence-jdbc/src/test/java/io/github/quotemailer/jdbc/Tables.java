package io.github.quotemailer.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Raw reads of tables with plain JDBC, to check what is really stored. */
final class Tables {
  private Tables() {}

  /** Runs {@code sql} statements, in order, on a fresh connection. */
  static void execute(DataSource dataSource, String... sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  /**
   * Runs one {@code sql} statement with {@code values} bound to its {@code ?} markers in order: for
   * values a literal cannot carry portably (line breaks) or that are long.
   */
  static void update(DataSource dataSource, String sql, Object... values) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  /** Names (lower case) of the tables in the connection's schema whose name starts with qm_. */
  static List<String> qmTables(DataSource dataSource) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (name.toLowerCase(Locale.ROOT).startsWith("qm_")) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  /** Every row of every qm_ table: table name to rows, each row column (lower case) to text. */
  static Map<String, List<Map<String, String>>> dumpQmTables(DataSource dataSource)
      throws SQLException {
    Map<String, List<Map<String, String>>> dump = new TreeMap<>();
    for (String table : qmTables(dataSource)) {
      dump.put(table, rows(dataSource, table));
    }
    return dump;
  }

  /** Every row of {@code table} (any case), ordered by its first column, values as text. */
  static List<Map<String, String>> rows(DataSource dataSource, String table) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      String name = exactName(c, table);
      String quote = c.getMetaData().getIdentifierQuoteString().strip();
      List<Map<String, String>> rows = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select * from " + quote + name + quote + " order by 1")) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private static String exactName(Connection c, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet rs =
        meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
          return rs.getString("TABLE_NAME");
        }
      }
    }
    throw new SQLException("no table " + table);
  }
}
