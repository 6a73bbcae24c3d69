package io.github.quotemailer.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Every column of every row of the settings table as text, to check what is stored in clear. */
final class SettingsTableDump {
  private SettingsTableDump() {}

  /** The rows of {@code qm_user_smtp_settings} at {@code dbUrl}, one line each, columns by '|'. */
  static String of(String dbUrl) throws SQLException {
    StringBuilder dump = new StringBuilder();
    try (Connection c = DriverManager.getConnection(dbUrl);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT * FROM qm_user_smtp_settings")) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          dump.append(rows.getString(i)).append('|');
        }
        dump.append('\n');
      }
    }
    return dump.toString();
  }
}
