package io.github.quotemailer.jdbc;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.jdbc.internal.Dialects;
import io.github.quotemailer.jdbc.internal.DriverManagerDataSource;
import io.github.quotemailer.jdbc.internal.JdbiDeliveryLog;
import io.github.quotemailer.jdbc.internal.JdbiUserSmtpRepository;
import io.github.quotemailer.jdbc.internal.Jdbis;
import io.github.quotemailer.jdbc.internal.KeyRotation;
import io.github.quotemailer.jdbc.internal.LegacyImporter;
import io.github.quotemailer.jdbc.internal.Migrator;
import io.github.quotemailer.jdbc.internal.SettingsDao;
import io.github.quotemailer.secret.SecretCipher;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * QuoteMailer's storage on one database: the settings repository, the delivery log, migrations, key
 * rotation and the legacy importer. Thread-safe; create one per database and share it.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.create(dataSource);
 * stores.migrate();
 * UserSmtpRepository settings = stores.userSettings();
 * }</pre>
 *
 * <p>Every database failure surfaces as {@link io.github.quotemailer.StorageException}, whose
 * message names the operation (e.g. "saving SMTP settings of user 'juan' failed: ...") and never a
 * secret; invalid arguments are refused with {@link InvalidInputException} before any statement
 * runs.
 */
public final class JdbcStores {
  private final DataSource dataSource;
  private final Dialect dialect;
  private final Jdbi jdbi;
  private final JdbiUserSmtpRepository settings;
  private final JdbiDeliveryLog deliveryLog;
  private final KeyRotation keyRotation;
  private final LegacyImporter legacyImporter;

  private JdbcStores(DataSource dataSource, Dialect dialect, Clock clock) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbis.create(dataSource, dialect);
    Class<? extends SettingsDao> dao = Dialects.settingsDao(dialect);
    this.settings = new JdbiUserSmtpRepository(jdbi, dao, clock);
    this.deliveryLog = new JdbiDeliveryLog(jdbi);
    this.keyRotation = new KeyRotation(jdbi, dao, clock);
    this.legacyImporter = new LegacyImporter(jdbi, settings, dao);
  }

  /**
   * Stores on {@code dataSource} (pooled or not; the stores borrow a connection per operation). The
   * dialect is detected from the JDBC metadata, which opens one connection now.
   *
   * @throws io.github.quotemailer.StorageException when the database cannot be reached or is not
   *     one of the {@link Dialect}s
   */
  public static JdbcStores create(DataSource dataSource) {
    if (dataSource == null) {
      throw new InvalidInputException("dataSource", "is required");
    }
    return new JdbcStores(dataSource, Dialects.detect(dataSource), Clock.systemUTC());
  }

  /**
   * Stores on a simple, unpooled {@link java.sql.DriverManager} source: for command-line tools and
   * small hosts. The JDBC driver must be on the class path. {@code user} and {@code password} may
   * be null when the URL carries them.
   */
  public static JdbcStores create(
      String jdbcUrl, @Nullable String user, @Nullable String password) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
      throw new InvalidInputException("jdbcUrl", "must start with 'jdbc:'");
    }
    return create(new DriverManagerDataSource(jdbcUrl, user, password));
  }

  /** The database's dialect, as detected. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Creates or updates QuoteMailer's tables with Flyway, recording them in its own history table
   * {@code qm_schema_history}. A schema that already holds the host's tables is baselined at
   * version 0 first; host tables are never touched. Running it again applies nothing. Instances
   * starting together both succeed, one applying the migrations and the other finding them applied
   * (an attempt that loses Flyway's start-up race is retried, for up to about 6 seconds). Flyway's
   * {@code clean} is disabled.
   */
  public MigrationResult migrate() {
    return Migrator.migrate(dataSource, dialect);
  }

  /**
   * The per-user SMTP settings, in {@code qm_user_smtp_settings}. {@code save} upserts: a second
   * save of the same user id replaces the first. Only the encrypted password is written. Of a
   * user's server, host, port and security are stored; timeouts and trust store are not, and come
   * back as {@link io.github.quotemailer.smtp.SmtpServer}'s defaults. Server replies longer than
   * 500 characters are cut when health is recorded; times are kept to the microsecond, in UTC.
   */
  public UserSmtpRepository userSettings() {
    return settings;
  }

  /**
   * The delivery log, in {@code qm_delivery_attempt}: queries return newest first, ties broken by
   * insertion order. Reply texts longer than 500 characters are cut rather than refused; times are
   * kept to the microsecond, in UTC.
   */
  public DeliveryLog deliveryLog() {
    return deliveryLog;
  }

  /**
   * Re-encrypts every stored SMTP password with {@code cipher}'s newest key, {@code batchSize} rows
   * per transaction (1 to 10,000). Only rows on another key are read, so a run that stopped
   * half-way continues where it stopped when started again.
   *
   * @throws io.github.quotemailer.secret.UnknownKeyException when a password's key is missing from
   *     the ring; batches before it stay rotated, its own batch is rolled back whole
   */
  public KeyRotationReport rotateKeys(SecretCipher cipher, int batchSize) {
    if (cipher == null) {
      throw new InvalidInputException("cipher", "is required");
    }
    return keyRotation.rotate(cipher, batchSize);
  }

  /**
   * Moves plain-text SMTP credentials from a host table into encrypted, enabled, unverified
   * settings, in one transaction. Rows without both SMTP columns are skipped; rows that cannot
   * become settings are counted invalid with one problem line each. Idempotent: a user who already
   * has settings is skipped and keeps them, even if the host's password changed since (the stored
   * settings are the source of truth after the first import; change a password through the settings
   * instead). With {@link LegacyImport#clearPlainText()} the host's password column is set to
   * {@code NULL} for every row whose user has settings after the run; otherwise the host table is
   * only read.
   */
  public LegacyImportReport importLegacy(LegacyImport options, SecretCipher cipher) {
    return legacyImporter.run(options, cipher);
  }

  /**
   * The {@link Jdbi} the stores use, configured for this database: for hosts that want to run their
   * own statements or, later, join the stores to their transactions.
   */
  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public String toString() {
    return "JdbcStores[" + dialect + "]";
  }
}
