package io.github.quotemailer.jdbc;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.smtp.SmtpServer;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a host keeps plain-text SMTP credentials that {@link JdbcStores#importLegacy} moves into
 * encrypted settings. Table and column names go into SQL text, so each must match {@code
 * [A-Za-z_][A-Za-z0-9_]{0,63}}; they are used unquoted, so the database's usual case folding
 * applies.
 *
 * @param table the host table, e.g. {@code users}
 * @param idColumn its user id column; its value (of any type) becomes the settings' user id as text
 * @param nameColumn the column with the user's display name, or {@code null} to use the local part
 *     of the SMTP address (also used when a row's name is blank); a named column the table lacks is
 *     refused with an {@link InvalidInputException} before any row is read
 * @param smtpAddressColumn the column with the SMTP address, used as {@code From} and login name
 * @param smtpPasswordColumn the column with the plain-text SMTP password
 * @param clearPlainText whether to set the password column to {@code NULL} for every row whose
 *     settings exist after the import (the only write to a host table)
 * @param server the SMTP server of every imported user; empty means the company account's server
 */
public record LegacyImport(
    String table,
    String idColumn,
    @Nullable String nameColumn,
    String smtpAddressColumn,
    String smtpPasswordColumn,
    boolean clearPlainText,
    Optional<SmtpServer> server) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  /** Validates the table and column names. */
  public LegacyImport {
    identifier("table", table);
    identifier("idColumn", idColumn);
    if (nameColumn != null) {
      identifier("nameColumn", nameColumn);
    }
    identifier("smtpAddressColumn", smtpAddressColumn);
    identifier("smtpPasswordColumn", smtpPasswordColumn);
    server = server == null ? Optional.empty() : server;
  }

  /**
   * The seed CRM's shape: table {@code users} with {@code id}, {@code nombre} (display names),
   * {@code email_smtp} and {@code password_smtp}; the company account's server (the seed's users
   * all sent through it); plain text kept until {@link #withClearPlainText} says otherwise. For a
   * table without {@code nombre}, {@code withNameColumn(null)} shows the address's local part
   * instead.
   */
  public static LegacyImport seedDefaults() {
    return new LegacyImport(
        "users", "id", "nombre", "email_smtp", "password_smtp", false, Optional.empty());
  }

  /** A copy reading display names from {@code column} ({@code null}: the address's local part). */
  public LegacyImport withNameColumn(@Nullable String column) {
    return new LegacyImport(
        table, idColumn, column, smtpAddressColumn, smtpPasswordColumn, clearPlainText, server);
  }

  /** A copy that clears (or keeps) the plain-text password column of imported rows. */
  public LegacyImport withClearPlainText(boolean clear) {
    return new LegacyImport(
        table, idColumn, nameColumn, smtpAddressColumn, smtpPasswordColumn, clear, server);
  }

  /**
   * A copy that gives every imported user {@code smtpServer}, whose timeouts are stored with the
   * settings; a server with its own trust store is refused (see {@link JdbcStores#userSettings()}).
   */
  public LegacyImport withServer(SmtpServer smtpServer) {
    return new LegacyImport(
        table,
        idColumn,
        nameColumn,
        smtpAddressColumn,
        smtpPasswordColumn,
        clearPlainText,
        Optional.of(smtpServer));
  }

  private static void identifier(String field, @Nullable String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new InvalidInputException(
          "legacyImport." + field,
          "'" + value + "' is not a plain SQL name (letters, digits and '_', at most 64)");
    }
  }
}
