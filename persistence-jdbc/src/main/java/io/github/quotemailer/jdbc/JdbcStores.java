package io.github.quotemailer.jdbc;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailerStores;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.jdbc.internal.DriverManagerDataSource;
import io.github.quotemailer.jdbc.internal.JdbiDeliveryLog;
import io.github.quotemailer.jdbc.internal.JdbiOutbox;
import io.github.quotemailer.jdbc.internal.JdbiRefreshTokenStore;
import io.github.quotemailer.jdbc.internal.JdbiSendingLedger;
import io.github.quotemailer.jdbc.internal.JdbiUserSmtpRepository;
import io.github.quotemailer.jdbc.internal.Jdbis;
import io.github.quotemailer.jdbc.internal.KeyRotation;
import io.github.quotemailer.jdbc.internal.LegacyImporter;
import io.github.quotemailer.jdbc.internal.Migrator;
import io.github.quotemailer.jdbc.internal.SettingsDao;
import io.github.quotemailer.jdbc.internal.dialect.Dialects;
import io.github.quotemailer.jdbc.internal.dialect.SqlDialect;
import io.github.quotemailer.oauth2.RefreshTokenStore;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.outbox.spi.OutboxStore;
import io.github.quotemailer.secret.SecretCipher;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * QuoteMailer's storage on one database: the settings repository, the delivery log, the outbox,
 * migrations, key rotation and the legacy importer. Thread-safe; create one per database and share
 * it: {@code JdbcStores.create(dataSource)}, {@link #migrate()}, then {@code
 * QuoteMailer.builder().stores(stores)}, as the README's "Storage in your database" shows in
 * compiled code.
 *
 * <p>Every database failure surfaces as {@link io.github.quotemailer.StorageException}, whose
 * message names the operation (e.g. "saving SMTP settings of user 'juan' failed: ...") and never a
 * secret; invalid arguments are refused with {@link InvalidInputException} before any statement
 * runs.
 */
public final class JdbcStores implements QuoteMailerStores {
  private final DataSource dataSource;
  private final SqlDialect dialect;
  private final Jdbi jdbi;
  private final JdbiUserSmtpRepository settings;
  private final JdbiDeliveryLog deliveryLog;
  private final JdbiOutbox outbox;
  private final JdbiSendingLedger sendingLedger;
  private final JdbiRefreshTokenStore refreshTokens;
  private final KeyRotation keyRotation;
  private final LegacyImporter legacyImporter;

  private JdbcStores(DataSource dataSource, SqlDialect dialect, Clock clock) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbis.create(dataSource, dialect);
    Class<? extends SettingsDao> dao = dialect.settingsStatements();
    this.settings = new JdbiUserSmtpRepository(jdbi, dao, clock);
    this.deliveryLog = new JdbiDeliveryLog(jdbi);
    this.outbox = new JdbiOutbox(jdbi, dialect, clock);
    this.sendingLedger = new JdbiSendingLedger(jdbi, dialect.lockingIsolation(), clock);
    this.refreshTokens = new JdbiRefreshTokenStore(jdbi, clock);
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
    return dialect.product();
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
   * user's server, host, port, security and the connect, read and write timeouts (in whole
   * milliseconds; a fraction of a millisecond is refused) are stored; rows saved before schema
   * version 3 read back with {@link io.github.quotemailer.smtp.SmtpServer}'s default timeouts.
   * Server replies longer than 500 characters are cut when health is recorded; times are kept to
   * the microsecond, in UTC.
   *
   * <p>A per-user trust store is not stored: its password would sit in a table. Saving a server
   * that has one is refused with an {@link InvalidInputException} for {@code server.trustStore},
   * and nothing is written. For a user whose server has a certificate from a private CA, add that
   * CA to the JVM's default trust store instead ({@code -Djavax.net.ssl.trustStore=...}, with
   * {@code javax.net.ssl.trustStorePassword} if the file needs one): QuoteMailer uses the JVM's
   * default SSL socket factory for every server without a trust store of its own. That file
   * replaces the JDK's {@code cacerts}, so it must also hold the public CAs the other servers need;
   * and it is read once, when the JVM first uses TLS, so set it at start-up. See the README's
   * "Storage in your database" section.
   */
  @Override
  public UserSmtpRepository userSettings() {
    return settings;
  }

  /**
   * The delivery log, in {@code qm_delivery_attempt}: queries return newest first, ties broken by
   * insertion order. Reply texts longer than 500 characters are cut rather than refused; times are
   * kept to the microsecond, in UTC.
   */
  @Override
  public DeliveryLog deliveryLog() {
    return deliveryLog;
  }

  /**
   * The outbox, in {@code qm_outbox}: {@code QuoteMailer.Builder.stores(stores)} hands it to the
   * mailer (with the other two stores) so that {@code enqueue} survives restarts and every
   * application instance on this database can run a {@link
   * io.github.quotemailer.outbox.DeliveryWorker}.
   *
   * <ul>
   *   <li>Enqueueing an existing idempotency key returns the stored entry ({@code created()}
   *       false), also when two instances enqueue the same key at the same moment.
   *   <li>{@code enqueue(message, connection)} (what {@code QuoteMailer.enqueue(email, connection)}
   *       calls) writes on the host's own JDBC connection and leaves commit, rollback and close to
   *       the host, so the email is only sent if the host's transaction commits. A duplicate key
   *       does not spoil that transaction, not even on PostgreSQL. See also {@link
   *       #enqueueIn(Handle, OutboxMessage)}.
   *   <li>Claims lease due entries (counting the attempt) and commit before returning, so no row
   *       lock is held during the SMTP conversation. On PostgreSQL, MariaDB and MySQL they use
   *       {@code SELECT ... FOR UPDATE SKIP LOCKED}, so concurrent workers do not wait for each
   *       other; on H2 and SQLite each entry is leased by a conditional {@code UPDATE} that one
   *       worker wins. An entry whose lease expired (its worker died) is taken over by the next
   *       claim.
   *   <li>Outcomes ({@code markSent}, {@code scheduleRetry}, ...) from a worker that no longer
   *       holds the lease are ignored and logged, so they never overwrite the new owner's outcome.
   *   <li>Errors longer than 500 characters are cut; at most 500 entries are claimed per call;
   *       times are kept to the microsecond, in UTC. On MariaDB/MySQL the server's {@code
   *       max_allowed_packet} must exceed the largest PDF.
   * </ul>
   */
  @Override
  public OutboxStore outbox() {
    return outbox;
  }

  /**
   * The sending ledger, exact across every node on this database: an identity's sends are counted
   * from {@code qm_delivery_attempt} (the delivery log above: SENT attempts in the rolling window)
   * plus its reservations in {@code qm_sending_reservation} (sends under way on any node), and
   * pauses after a provider's quota reply are kept in {@code qm_sending_identity} (migration V5).
   * {@code QuoteMailer.Builder.stores(stores)} wires it with the delivery log it counts.
   *
   * <ul>
   *   <li>A check and its reservation run in one transaction that first updates the identity's row
   *       in {@code qm_sending_identity}: on H2, PostgreSQL and MariaDB/MySQL that row lock
   *       serialises the checks of one identity (a second waits for the first to commit, then
   *       counts its reservation); on SQLite the same update takes the database's single write
   *       lock. So two workers never both take an identity's last slot, on any of them.
   *   <li>Checks of different identities do not wait for each other (except on SQLite).
   *   <li>A reservation counts until the worker releases it, right after recording the attempt, or
   *       until it expires (the worker's lease, five minutes by default) if the worker died.
   *   <li>Counting reads the index {@code (identity, outcome, attempted_at)} on {@code
   *       qm_delivery_attempt}; times come from each node's clock, so keep the nodes' clocks in
   *       step (NTP): a node whose clock runs ahead sees its window end early.
   * </ul>
   */
  @Override
  public SendingLedger sendingLedger() {
    return sendingLedger;
  }

  /**
   * The rotated OAuth2 refresh tokens of the company account, in {@code qm_oauth_refresh_token}:
   * encrypted with the key ring (and re-encrypted by {@link #rotateKeys}), replaced only over the
   * token they replace, so a restart, and every other node, continues from the newest one.
   */
  @Override
  public RefreshTokenStore refreshTokens() {
    return refreshTokens;
  }

  /**
   * Enqueues {@code message} inside the host's JDBI {@code handle}, typically within {@code
   * jdbi.useTransaction(handle -> ...)}: the entry is written on the handle's connection and
   * commits or rolls back with the host's transaction; the handle is neither committed nor closed.
   * The handle's own JDBI configuration (plugins, mappers) does not matter: the library binds its
   * values itself. The handle must be on this stores' database. To enqueue a {@code QuoteEmail}
   * (rendered by the mailer) in the same way, call {@code mailer.enqueue(email,
   * handle.getConnection())}.
   *
   * @return the stored entry; {@code created()} is false when the idempotency key already existed
   * @throws io.github.quotemailer.StorageException when the insert fails
   */
  public EnqueueResult enqueueIn(Handle handle, OutboxMessage message) {
    if (handle == null) {
      throw new InvalidInputException("handle", "is required");
    }
    return outbox.enqueue(message, handle.getConnection());
  }

  /**
   * Re-encrypts every stored secret with {@code cipher}'s newest key: passwords and OAuth2 refresh
   * tokens, OAuth2 client secrets, and the refresh tokens of accounts without settings (the
   * company's), {@code batchSize} rows per transaction (1 to 10,000); the report counts them all.
   * Only rows on another key are read, so a run that stopped half-way continues where it stopped
   * when started again.
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
   *
   * <p>Clearing does not erase the old values from disk at once: the database may keep them in its
   * files until it compacts them (H2 {@code SHUTDOWN COMPACT}, PostgreSQL {@code VACUUM FULL},
   * MariaDB/MySQL {@code OPTIMIZE TABLE}, SQLite {@code VACUUM}), and backups taken before still
   * hold them. Problem lines name the row's id, the column and what is wrong, never a value of the
   * row (with swapped columns, that value could be a password); they are also logged as warnings.
   *
   * @throws InvalidInputException when a configured column is missing from the table (for the name
   *     column: use {@code withNameColumn(null)} to show the address's local part), or when what
   *     every row would share cannot be stored (a server with its own trust store or a timeout with
   *     a fraction of a millisecond); nothing is imported then
   */
  public LegacyImportReport importLegacy(LegacyImport options, SecretCipher cipher) {
    return legacyImporter.run(options, cipher);
  }

  /**
   * The {@link Jdbi} the stores use, configured for this database: for hosts that want to run their
   * own statements. To enqueue inside a host transaction, see {@link #enqueueIn(Handle,
   * OutboxMessage)}.
   */
  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public String toString() {
    return "JdbcStores[" + dialect.product() + "]";
  }
}
