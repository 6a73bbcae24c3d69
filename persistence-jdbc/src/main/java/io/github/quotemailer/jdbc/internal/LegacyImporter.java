package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.jdbc.LegacyImport;
import io.github.quotemailer.jdbc.LegacyImportReport;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpServer;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves plain-text SMTP credentials from a host table into encrypted settings, in one transaction.
 * The host table is only read, except that with {@link LegacyImport#clearPlainText()} the password
 * column of every row whose settings now exist is set to {@code NULL}. Table and column names are
 * validated by {@link LegacyImport} before they are put into the statement text.
 *
 * <p>A problem line names the row by its id, then the column and a fixed description; it never
 * quotes a value of the row, because with swapped columns that value may be a password.
 */
public final class LegacyImporter {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyImporter.class);

  /** The host table's column names, without reading a row. */
  private static final String COLUMNS = "select * from <table> where 1 = 0";

  private static final String SELECT =
      "select <id>, <address>, <password> from <table> order by <id>";
  private static final String SELECT_WITH_NAME =
      "select <id>, <address>, <password>, <name> from <table> order by <id>";
  private static final String CLEAR = "update <table> set <password> = null where <id> = :id";

  private final Jdbi jdbi;
  private final JdbiUserSmtpRepository settings;
  private final Class<? extends SettingsDao> dao;

  /** An importer writing through {@code settings}. */
  public LegacyImporter(
      Jdbi jdbi, JdbiUserSmtpRepository settings, Class<? extends SettingsDao> dao) {
    this.jdbi = jdbi;
    this.settings = settings;
    this.dao = dao;
  }

  /** Runs the import described by {@code options}, encrypting with {@code cipher}. */
  public LegacyImportReport run(LegacyImport options, SecretCipher cipher) {
    Arguments.present("options", options);
    Arguments.present("cipher", cipher);
    if (options.server().flatMap(SmtpServer::trustStore).isPresent()) {
      // Every row would be refused for it; say so once, before reading anything.
      throw new InvalidInputException(
          "legacyImport.server.trustStore", JdbiUserSmtpRepository.TRUST_STORE_NOT_STORED);
    }
    LegacyImportReport report =
        Failures.translate(
            "importing SMTP settings from table '" + options.table() + "'",
            () -> jdbi.inTransaction(h -> run(h, options, cipher)));
    LOG.info(
        "qm legacyImport table={} imported={} skipped={} invalid={} cleared={}",
        options.table(),
        report.imported(),
        report.skipped(),
        report.invalid(),
        options.clearPlainText());
    // A host that imports at start-up sees why rows were left out without printing the report.
    report.problems().forEach(problem -> LOG.warn("qm legacyImport problem: {}", problem));
    return report;
  }

  private LegacyImportReport run(Handle handle, LegacyImport options, SecretCipher cipher) {
    requireColumns(handle, options);
    List<LegacyRow> rows = read(handle, options);
    SettingsDao existing = handle.attach(dao);
    List<Object> secured = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int imported = 0;
    int skipped = 0;
    for (int i = 0; i < rows.size(); i++) {
      LegacyRow row = rows.get(i);
      if (isBlank(row.address()) || isBlank(row.password())) {
        skipped++;
        continue;
      }
      if (row.id() == null) {
        problems.add(options.table() + " row without " + options.idColumn() + ": skipped");
        continue;
      }
      String userId = String.valueOf(row.id()).strip();
      if (isUsableUserId(userId) && existing.find(userId).isPresent()) {
        // Already imported (or set by an admin since): the stored settings win.
        skipped++;
        secured.add(row.id());
        continue;
      }
      try {
        settings.save(handle, toSettings(row, userId, options, cipher));
        imported++;
        secured.add(row.id());
      } catch (InvalidRow e) {
        problems.add(options.table() + " row " + rowName(userId, i, options) + ": " + e.problem);
      }
    }
    if (options.clearPlainText()) {
      clear(handle, options, secured);
    }
    return new LegacyImportReport(imported, skipped, problems.size(), problems);
  }

  /**
   * Refuses options naming a column the host table lacks, naming it, before the select would fail
   * with the database's own wording (which differs per database and says nothing of the option).
   */
  private static void requireColumns(Handle handle, LegacyImport options) {
    Set<String> columns = columnsOf(handle, options.table());
    requireColumn(columns, options, "legacyImport.idColumn", options.idColumn(), "");
    requireColumn(
        columns, options, "legacyImport.smtpAddressColumn", options.smtpAddressColumn(), "");
    requireColumn(
        columns, options, "legacyImport.smtpPasswordColumn", options.smtpPasswordColumn(), "");
    String name = options.nameColumn();
    if (name != null) {
      requireColumn(
          columns,
          options,
          "legacyImport.nameColumn",
          name,
          "; name the column with the users' display names, or use withNameColumn(null)"
              + " (command line: --name-column=) to show the address's local part instead");
    }
  }

  private static void requireColumn(
      Set<String> columns, LegacyImport options, String field, String column, String advice) {
    if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
      throw new InvalidInputException(
          field, "table '" + options.table() + "' has no column '" + column + "'" + advice);
    }
  }

  /** Lower-case column names: the names are used unquoted, so the database folds their case. */
  private static Set<String> columnsOf(Handle handle, String table) {
    return handle
        .createQuery(COLUMNS)
        .define("table", table)
        .scanResultSet(
            (results, ctx) -> {
              ResultSetMetaData meta = results.get().getMetaData();
              Set<String> names = new TreeSet<>();
              for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
              }
              return names;
            });
  }

  private static List<LegacyRow> read(Handle handle, LegacyImport options) {
    String name = options.nameColumn();
    return handle
        .createQuery(name == null ? SELECT : SELECT_WITH_NAME)
        .define("table", options.table())
        .define("id", options.idColumn())
        .define("address", options.smtpAddressColumn())
        .define("password", options.smtpPasswordColumn())
        .define("name", name == null ? "" : name)
        .map(
            (rs, ctx) ->
                new LegacyRow(
                    rs.getObject(1),
                    rs.getString(2),
                    rs.getString(3),
                    name == null ? null : rs.getString(4)))
        .list();
  }

  /**
   * The settings of {@code row}. Each column is checked here, so that a refusal can be described
   * without the value-quoting message of the value type that refused it.
   */
  private static UserSmtpSettings toSettings(
      LegacyRow row, String userId, LegacyImport options, SecretCipher cipher) throws InvalidRow {
    if (!isUsableUserId(userId)) {
      throw new InvalidRow(
          options.idColumn(), whyRefused(userId, UserSmtpSettings.MAX_USER_ID_LENGTH));
    }
    EmailAddress address = address(String.valueOf(row.address()), options.smtpAddressColumn());
    Secret password = password(String.valueOf(row.password()), options.smtpPasswordColumn());
    String displayName = displayName(row, address, options);
    try {
      return new UserSmtpSettings(
          userId,
          address,
          displayName,
          address.value(),
          options.server(),
          new io.github.quotemailer.identity.StoredCredential.Password(
              cipher.encrypt(password, userId)),
          java.util.Optional.empty(),
          true,
          SettingsHealth.unverified());
    } catch (InvalidInputException e) {
      // The address was checked above, so this is the user id or the display name, whose checks
      // (bidirectional controls, for one) describe the problem without quoting the value.
      String column =
          switch (e.field()) {
            case "userId" -> options.idColumn();
            case "displayName" -> String.valueOf(options.nameColumn());
            default -> e.field();
          };
      throw new InvalidRow(column, e.getMessage().substring(e.field().length() + 2));
    }
  }

  private static EmailAddress address(String value, String column) throws InvalidRow {
    try {
      return EmailAddress.of(column, value);
    } catch (InvalidInputException e) {
      throw new InvalidRow(
          column,
          hasLineBreak(value)
              ? "contains a line break or NUL character"
              : value.strip().length() > EmailAddress.MAX_LENGTH
                  ? "is longer than " + EmailAddress.MAX_LENGTH + " characters"
                  : "is not a valid email address");
    }
  }

  private static Secret password(String value, String column) throws InvalidRow {
    try {
      return Secret.of(value);
    } catch (InvalidInputException e) {
      throw new InvalidRow(column, whyRefused(value, Secret.MAX_LENGTH));
    }
  }

  /** The name column's value, or the address's local part when there is none (or it is blank). */
  private static String displayName(LegacyRow row, EmailAddress address, LegacyImport options)
      throws InvalidRow {
    String name = row.name();
    if (isBlank(name)) {
      String localPart = address.value().substring(0, address.value().lastIndexOf('@'));
      if (localPart.length() > JdbiUserSmtpRepository.MAX_DISPLAY_NAME_LENGTH) {
        throw new InvalidRow(
            options.smtpAddressColumn(),
            "has a part before the @ too long for a display name (over "
                + JdbiUserSmtpRepository.MAX_DISPLAY_NAME_LENGTH
                + " characters)");
      }
      return localPart;
    }
    if (hasLineBreak(name)
        || name.strip().length() > JdbiUserSmtpRepository.MAX_DISPLAY_NAME_LENGTH) {
      throw new InvalidRow(
          String.valueOf(options.nameColumn()),
          whyRefused(name, JdbiUserSmtpRepository.MAX_DISPLAY_NAME_LENGTH));
    }
    return name;
  }

  /** Why a text value was refused, told by its shape only. */
  private static String whyRefused(String value, int maxLength) {
    if (hasLineBreak(value)) {
      return "contains a line break or NUL character";
    }
    return value.strip().length() > maxLength
        ? "is longer than " + maxLength + " characters"
        : "is not valid";
  }

  /** The row as a problem line names it: by id, or by position when the id itself is unusable. */
  private static String rowName(String userId, int index, LegacyImport options) {
    return isUsableUserId(userId)
        ? options.idColumn() + "=" + userId
        : "number " + (index + 1) + " in " + options.idColumn() + " order";
  }

  /** Whether {@code userId} can be a settings' user id, and so be printed in a problem line. */
  private static boolean isUsableUserId(String userId) {
    return !userId.isEmpty()
        && userId.length() <= UserSmtpSettings.MAX_USER_ID_LENGTH
        && !hasLineBreak(userId);
  }

  /** CR, LF, NUL and the other line separators the value types refuse. */
  private static boolean hasLineBreak(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        return true;
      }
    }
    return false;
  }

  private static void clear(Handle handle, LegacyImport options, List<Object> ids) {
    // One statement per row: ids of any type bind as they were read, on every database.
    for (Object id : ids) {
      handle
          .createUpdate(CLEAR)
          .define("table", options.table())
          .define("id", options.idColumn())
          .define("password", options.smtpPasswordColumn())
          .bind("id", id)
          .execute();
    }
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private record LegacyRow(
      @Nullable Object id,
      @Nullable String address,
      @Nullable String password,
      @Nullable String name) {}

  /** Why one row cannot become settings: a column and a fixed description, never its value. */
  private static final class InvalidRow extends Exception {
    private static final long serialVersionUID = 1L;

    private final String problem;

    InvalidRow(String column, String description) {
      // No stack trace: this is an answer about data, not a failure of the code.
      super(null, null, false, false);
      this.problem = column + " " + description;
    }
  }
}
