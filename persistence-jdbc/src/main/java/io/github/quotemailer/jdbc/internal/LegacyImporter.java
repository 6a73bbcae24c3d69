package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.jdbc.LegacyImport;
import io.github.quotemailer.jdbc.LegacyImportReport;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class LegacyImporter {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyImporter.class);

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
    Inputs.present("options", options);
    Inputs.present("cipher", cipher);
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
    return report;
  }

  private LegacyImportReport run(Handle handle, LegacyImport options, SecretCipher cipher) {
    List<LegacyRow> rows = read(handle, options);
    SettingsDao existing = handle.attach(dao);
    List<Object> secured = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int imported = 0;
    int skipped = 0;
    for (LegacyRow row : rows) {
      if (isBlank(row.address()) || isBlank(row.password())) {
        skipped++;
        continue;
      }
      if (row.id() == null) {
        problems.add(options.table() + " row without " + options.idColumn() + ": skipped");
        continue;
      }
      String userId = String.valueOf(row.id()).strip();
      if (userId.length() <= UserSmtpSettings.MAX_USER_ID_LENGTH
          && !userId.isEmpty()
          && existing.find(userId).isPresent()) {
        // Already imported (or set by an admin since): the stored settings win.
        skipped++;
        secured.add(row.id());
        continue;
      }
      try {
        settings.save(handle, toSettings(row, userId, options, cipher));
        imported++;
        secured.add(row.id());
      } catch (InvalidInputException e) {
        problems.add(
            options.table() + " row " + options.idColumn() + "=" + userId + ": " + e.getMessage());
      }
    }
    if (options.clearPlainText()) {
      clear(handle, options, secured);
    }
    return new LegacyImportReport(imported, skipped, problems.size(), problems);
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

  private static UserSmtpSettings toSettings(
      LegacyRow row, String userId, LegacyImport options, SecretCipher cipher) {
    EmailAddress address = EmailAddress.of(options.smtpAddressColumn(), row.address());
    Secret password;
    try {
      password = Secret.of(row.password());
    } catch (InvalidInputException e) {
      // Secret names its field "password"; say which column it came from (never the value).
      throw new InvalidInputException(
          options.smtpPasswordColumn(), e.getMessage().replaceFirst("^password: ", ""));
    }
    String displayName =
        isBlank(row.name())
            ? address.value().substring(0, address.value().lastIndexOf('@'))
            : row.name();
    // The constructor validates user id and display name; nothing is written when it throws.
    return new UserSmtpSettings(
        userId,
        address,
        displayName,
        address.value(),
        options.server(),
        cipher.encrypt(password, userId),
        true,
        SettingsHealth.unverified());
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
}
