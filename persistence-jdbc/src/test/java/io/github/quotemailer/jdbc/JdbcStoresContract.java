package io.github.quotemailer.jdbc;

import static io.github.quotemailer.contract.StoreSamples.attempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.contract.DeliveryLogContract;
import io.github.quotemailer.contract.RefreshTokenStoreContract;
import io.github.quotemailer.contract.SendingLedgerContract;
import io.github.quotemailer.contract.UserSmtpRepositoryContract;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryLog;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.delivery.SendingLedger;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.jdbc.internal.Migrator;
import io.github.quotemailer.jdbc.internal.dialect.Dialects;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.RefreshTokenStore;
import io.github.quotemailer.outbox.OutboxAttachment;
import io.github.quotemailer.outbox.OutboxEntry;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.secret.UnknownKeyException;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What {@link JdbcStores} promises on every database. Each subclass runs it against one database;
 * each test gets a fresh, empty database (or schema) of its own. The settings store and delivery
 * log also run the contracts every implementation runs, the in-memory ones included.
 */
abstract class JdbcStoresContract
    implements UserSmtpRepositoryContract,
        DeliveryLogContract,
        SendingLedgerContract,
        RefreshTokenStoreContract {
  private static final byte[] KEY_0 = key(0);
  private static final byte[] KEY_1 = key(1);
  private static final byte[] KEY_2 = key(2);

  /** The old ring: key k1 encrypts. */
  static final SecretCipher CIPHER_K1 = SecretCipher.create(KeyRing.of("k1", KEY_1));

  /** After rotation: k2 encrypts, k1 still decrypts. */
  static final SecretCipher CIPHER_K2 =
      SecretCipher.create(KeyRing.builder().add("k1", KEY_1).add("k2", KEY_2).build());

  /** The newest schema version: every migration, V1 to this, is applied to an empty database. */
  static final int LATEST = 7;

  static final Instant T0 = Instant.parse("2025-12-09T10:00:00Z");

  /** Every plain password the tests store; none may show up in a qm_ table. */
  static final String LONG_PASSWORD = "Plain-300-" + "x".repeat(289) + "!";

  private TestDatabase database;
  FaultyDataSource dataSource;
  JdbcStores stores;
  private boolean migrated;

  /** A fresh, empty database (or schema) for one test. */
  abstract TestDatabase openDatabase() throws Exception;

  /** The dialect the subclass's database must be detected as. */
  abstract Dialect expectedDialect();

  @BeforeEach
  void openStores() throws Exception {
    database = openDatabase();
    dataSource = new FaultyDataSource(database.newDataSource());
    stores = JdbcStores.create(dataSource);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    database.drop();
  }

  @Override
  public io.github.quotemailer.oauth2.RefreshTokenStore refreshTokenStore() {
    return migrated().refreshTokens();
  }

  @Override
  public UserSmtpRepository settingsStore() {
    return migrated().userSettings();
  }

  @Override
  public DeliveryLog deliveryLog() {
    return migrated().deliveryLog();
  }

  @Override
  public SendingLedger sendingLedger() {
    return migrated().sendingLedger();
  }

  /** The ledger of stores of their own on the same database, as another node opens it. */
  @Override
  public SendingLedger sendingLedgerOfAnotherInstance() {
    migrated();
    return JdbcStores.create(database.newDataSource()).sendingLedger();
  }

  private JdbcStores migrated() {
    if (!migrated) {
      stores.migrate();
      migrated = true;
    }
    return stores;
  }

  // --- migrations -------------------------------------------------------------------------

  @Test
  void detectsTheDialectFromTheConnection() {
    assertThat(stores.dialect()).isEqualTo(expectedDialect());
  }

  @Test
  void migratesAnEmptyDatabaseAndASecondRunAppliesNothing() throws Exception {
    assertThat(stores.migrate()).isEqualTo(new MigrationResult(LATEST, String.valueOf(LATEST)));
    assertThat(stores.migrate()).isEqualTo(new MigrationResult(0, String.valueOf(LATEST)));

    assertThat(Tables.qmTables(dataSource))
        .contains(
            "qm_schema_history",
            "qm_user_smtp_settings",
            "qm_delivery_attempt",
            "qm_outbox",
            "qm_sending_identity",
            "qm_sending_reservation");
    assertThat(versions(Tables.rows(dataSource, "qm_schema_history")))
        .containsExactlyElementsOf(versions(1));
  }

  @Test
  void migratesBesideTheHostsTablesWithoutTouchingThem() throws Exception {
    createSeedUsers();
    List<Map<String, String>> before = Tables.rows(dataSource, "users");

    assertThat(stores.migrate()).isEqualTo(new MigrationResult(LATEST, String.valueOf(LATEST)));

    assertThat(Tables.rows(dataSource, "users")).isEqualTo(before);
    // Baselined at 0 because the schema was not empty, then every migration applied.
    assertThat(versions(Tables.rows(dataSource, "qm_schema_history")))
        .containsExactlyElementsOf(versions(0));
  }

  @Test
  void twoInstancesStartingTogetherApplyEachMigrationOnce() throws Exception {
    assertThat(sum(migrateFromTwoInstancesAtOnce())).isEqualTo(LATEST);

    assertThat(versions(Tables.rows(dataSource, "qm_schema_history")))
        .containsExactlyElementsOf(versions(1));
    assertThat(stores.migrate().applied()).isZero();
  }

  @Test
  void twoInstancesStartingTogetherBesideHostTablesApplyEachMigrationOnce() throws Exception {
    createSeedUsers();
    List<Map<String, String>> before = Tables.rows(dataSource, "users");

    assertThat(sum(migrateFromTwoInstancesAtOnce())).isEqualTo(LATEST);

    assertThat(versions(Tables.rows(dataSource, "qm_schema_history")))
        .containsExactlyElementsOf(versions(0));
    assertThat(Tables.rows(dataSource, "users")).isEqualTo(before);
  }

  /**
   * One instance may apply every migration, or each instance some of them (Flyway may take its lock
   * per migration): either way each migration is applied once.
   */
  /** The version numbers from {@code first} to {@link #LATEST}, as the history table lists them. */
  private static List<String> versions(int first) {
    return java.util.stream.IntStream.rangeClosed(first, LATEST).mapToObj(String::valueOf).toList();
  }

  private static int sum(List<Integer> applied) {
    return applied.stream().mapToInt(Integer::intValue).sum();
  }

  /** Starts two instances, each on its own data source, and migrates from both at once. */
  private List<Integer> migrateFromTwoInstancesAtOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Callable<MigrationResult> instance =
          () -> {
            JdbcStores own = JdbcStores.create(database.newDataSource());
            start.await();
            return own.migrate();
          };
      Future<MigrationResult> first = threads.submit(instance);
      Future<MigrationResult> second = threads.submit(instance);
      start.countDown();
      return List.of(
          first.get(2, TimeUnit.MINUTES).applied(), second.get(2, TimeUnit.MINUTES).applied());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void settingsSavedBeforeTheTimeoutColumnsExistedStillReadBackAfterMigrating() throws Exception {
    migrateUpToVersion("2");
    String secret = CIPHER_K1.encrypt(Secret.of("Plain-Juan-Pw"), "juan").encoded();
    // The row as a V2 schema holds it, written by plain SQL: no timeout columns yet.
    Tables.update(
        dataSource,
        "insert into qm_user_smtp_settings (user_id, address, display_name, username, smtp_host,"
            + " smtp_port, smtp_security, password_key_id, password_secret, enabled,"
            + " health_status, health_checked_at, health_reply, updated_at) values ('juan',"
            + " 'juan@inair.example', 'Juan', 'juan@inair.example', 'smtp.inair.example', 465,"
            + " 'IMPLICIT_TLS', 'k1', ?, true, 'UNVERIFIED', null, null,"
            + " '2025-12-01 08:30:15.123456')",
        secret);

    assertThat(stores.migrate()).isEqualTo(new MigrationResult(LATEST - 2, String.valueOf(LATEST)));

    UserSmtpSettings juan = stores.userSettings().find("juan").orElseThrow();
    assertThat(juan.server())
        .contains(SmtpServer.of("smtp.inair.example", 465, TransportSecurity.IMPLICIT_TLS));
    assertThat(CIPHER_K1.decrypt(juan.credential().secret(), "juan").reveal())
        .isEqualTo("Plain-Juan-Pw");
    UserSmtpSettings patient =
        juan.withServer(
            SmtpServer.builder("smtp.inair.example", 465, TransportSecurity.IMPLICIT_TLS)
                .readTimeout(Duration.ofMinutes(2))
                .build());
    stores.userSettings().save(patient);
    assertThat(stores.userSettings().find("juan")).contains(patient);
  }

  @Test
  void anEntryQueuedWithItsPdfBeforeSnapshotsExistedIsReadBackWithThatPdf() throws Exception {
    migrateUpToVersion("5");
    byte[] pdf = "%PDF-1.4 queued by an older version".getBytes(StandardCharsets.US_ASCII);
    // The row as a V5 schema holds it, written by plain SQL: the rendered PDF, no snapshot column.
    Tables.update(
        dataSource,
        "insert into qm_outbox (id, idempotency_key, message_id, user_id, salesperson_name,"
            + " salesperson_email, quote_number, to_recipients, cc_recipients, subject,"
            + " body_text, body_html, pdf, pdf_file_name, enqueued_at, state, attempts,"
            + " next_attempt_at, send_started, updated_at) values ('e-1', 'deal-1', '<m1@inair.example>',"
            + " 'juan', 'Juan', 'juan@inair.example', 'COT-2025-0142', 'compras@hsjn.example', '',"
            + " 'Cotización', 'Adjunto.', '', ?, 'COT-2025-0142.pdf', '2025-12-01 08:30:15.123456',"
            + " 'PENDING', 0, '2025-12-01 08:30:15.123456', false, '2025-12-01 08:30:15.123456')",
        pdf);

    stores.migrate();

    OutboxEntry entry = stores.outbox().find("e-1").orElseThrow();
    assertThat(entry.message().attachment()).isEqualTo(new OutboxAttachment.RenderedPdf(pdf));
  }

  /** Applies the library's migrations up to {@code version} only, as an older release did. */
  private void migrateUpToVersion(String version) {
    Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .table(Migrator.HISTORY_TABLE)
        .locations("classpath:" + Dialects.detect(dataSource).migrationLocation())
        .target(version)
        .load()
        .migrate();
  }

  // --- settings ---------------------------------------------------------------------------

  @Test
  void aServerWithItsOwnTrustStoreIsRefusedAndNothingIsWritten() throws Exception {
    createSeedUsers();
    stores.migrate();
    UserSmtpSettings juan =
        settings("juan", "juan@inair.example", "Plain-Juan-Pw")
            .withServer(SmtpServer.of("smtp.inair.example", 465, TransportSecurity.IMPLICIT_TLS));
    stores.userSettings().save(juan);
    SmtpServer privateCa =
        SmtpServer.builder("smtp.inair.example", 465, TransportSecurity.IMPLICIT_TLS)
            .trustStore(Path.of("inair-ca.p12"), "Plain-Store-Pw".toCharArray())
            .build();

    InvalidInputException refused =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> stores.userSettings().save(juan.withServer(privateCa)));
    InvalidInputException refusedImport =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                stores.importLegacy(LegacyImport.seedDefaults().withServer(privateCa), CIPHER_K1));

    assertThat(refused.field()).isEqualTo("server.trustStore");
    assertThat(refused)
        .hasMessageContaining("-Djavax.net.ssl.trustStore=")
        .hasMessageNotContaining("Plain-Store-Pw");
    assertThat(refusedImport.field()).isEqualTo("legacyImport.server.trustStore");
    assertThat(stores.userSettings().list()).containsExactly(juan);
  }

  @Test
  void aTimeoutWithAFractionOfAMillisecondIsRefusedRatherThanRounded() {
    stores.migrate();
    SmtpServer precise =
        SmtpServer.builder("smtp.inair.example", 465, TransportSecurity.IMPLICIT_TLS)
            .readTimeout(Duration.ofMillis(30_000).plusNanos(500))
            .build();

    assertThatThrownBy(
            () ->
                stores
                    .userSettings()
                    .save(
                        settings("juan", "juan@inair.example", "Plain-Juan-Pw")
                            .withServer(precise)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("server.readTimeout: ");
    assertThat(stores.userSettings().find("juan")).isEmpty();
  }

  @Test
  void updateHealthCutsAServerReplyLongerThanItsColumn() {
    stores.migrate();
    UserSmtpRepository repository = stores.userSettings();
    UserSmtpSettings juan = settings("juan", "juan@inair.example", "Plain-Juan-Pw");
    repository.save(juan);
    Instant at = Instant.parse("2025-12-09T11:00:00.5Z");
    String longReply = "535 5.7.8 " + "r".repeat(600);

    repository.updateHealth("juan", SettingsHealth.rejected(at, longReply));

    UserSmtpSettings found = repository.find("juan").orElseThrow();
    assertThat(found.health().status()).isEqualTo(SettingsHealth.Status.REJECTED);
    assertThat(found.health().checkedAt()).contains(at);
    assertThat(found.health().serverReply()).contains(longReply.substring(0, 500));
    assertThat(found.withHealth(SettingsHealth.unverified())).isEqualTo(juan);
  }

  @Test
  void overLongValuesAreRejectedBeforeTheDatabaseIsTouched() {
    stores.migrate();
    dataSource.close(); // any statement would now fail with a StorageException
    UserSmtpRepository repository = stores.userSettings();
    byte[] payload = new byte[SecretCipher.NONCE_BYTES + 16];
    UserSmtpSettings longKeyId =
        UserSmtpSettings.of(
            "juan",
            EmailAddress.of("juan@inair.example"),
            "Juan",
            new EncryptedSecret("k".repeat(33), payload));

    assertThatThrownBy(() -> repository.save(longKeyId))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("password.keyId");
    assertThatThrownBy(() -> repository.find("u".repeat(129)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> repository.delete(" "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> repository.updateHealth("u".repeat(129), SettingsHealth.unverified()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> stores.deliveryLog().byQuote("Q".repeat(65), Page.first(10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quoteNumber");
    assertThatThrownBy(() -> stores.rotateKeys(CIPHER_K2, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("batchSize");
    // The value types refuse what the columns could not hold, before any port is called.
    assertThatThrownBy(
            () ->
                UserSmtpSettings.of(
                    "juan",
                    EmailAddress.of("juan@inair.example"),
                    "J".repeat(201),
                    CIPHER_K1.encrypt(Secret.of("Plain-Juan-Pw"), "juan")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("displayName");
  }

  @Test
  void anUnusableDatabaseRaisesStorageExceptionsNamingTheOperation() {
    stores.migrate();
    UserSmtpSettings juan = settings("juan", "juan@inair.example", "Plain-Juan-Pw");
    dataSource.close();

    StorageException saving =
        catchThrowableOfType(StorageException.class, () -> stores.userSettings().save(juan));
    assertThat(saving)
        .hasMessageStartingWith("saving SMTP settings of user 'juan' failed: ")
        .hasMessageContaining("Connection refused")
        .hasMessageNotContaining("Plain-Juan-Pw")
        .isNotInstanceOf(JdbiException.class);
    assertThatThrownBy(() -> stores.userSettings().find("juan"))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("reading SMTP settings of user 'juan' failed: ");
    assertThatThrownBy(() -> stores.userSettings().list())
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("listing SMTP settings failed: ");
    assertThatThrownBy(() -> stores.deliveryLog().record(attempt(T0, "juan", "COT-1")))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("recording the delivery attempt of quote 'COT-1' failed: ");
    assertThatThrownBy(() -> stores.migrate())
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("migrating the QuoteMailer schema");
    assertThatThrownBy(() -> stores.rotateKeys(CIPHER_K2, 10))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith(
            "rotating stored SMTP passwords and refresh tokens to key 'k2' failed: ");
    assertThatThrownBy(() -> JdbcStores.create(dataSource))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("connecting to the database to detect its type failed: ");
  }

  // --- delivery log -----------------------------------------------------------------------

  @Test
  void deliveryLogCutsOverLongReplyTextsInsteadOfLosingTheAttempt() {
    stores.migrate();
    DeliveryAttempt verbose =
        new DeliveryAttempt(
            T0,
            "juan",
            "COT-1",
            "<m1@inair.example>",
            EmailAddress.of("juan@inair.example"),
            ResolutionReason.OWN_ACCOUNT,
            List.of(EmailAddress.of("cliente@example.com")),
            DeliveryOutcome.FAILED_PERMANENT,
            SmtpReplyClass.MESSAGE_REJECTED,
            554,
            "554 " + "z".repeat(700),
            Duration.ofMillis(5));

    stores.deliveryLog().record(verbose);

    assertThat(stores.deliveryLog().byUser("juan", Page.first(1)).get(0).replyText())
        .hasSize(500)
        .startsWith("554 zzz");
  }

  // --- key rotation -----------------------------------------------------------------------

  @Test
  void keyRotationInterruptedByAFailedCommitResumesWhereItStopped() {
    stores.migrate();
    List<String> users = saveTenUsersOnKeyK1();
    dataSource.failCommitNumber(2); // batch 1 commits, batch 2 "crashes" at its commit

    assertThatThrownBy(() -> stores.rotateKeys(CIPHER_K2, 3))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith(
            "rotating stored SMTP passwords and refresh tokens to key 'k2' failed: ")
        .hasMessageContaining("injected failure");
    assertThat(keyIds())
        .containsExactly("k2", "k2", "k2", "k1", "k1", "k1", "k1", "k1", "k1", "k1");

    assertThat(stores.rotateKeys(CIPHER_K2, 3)).isEqualTo(new KeyRotationReport(7, 3));
    assertThat(keyIds()).containsOnly("k2").hasSize(10);
    assertAllPasswordsDecrypt(users, CIPHER_K2);
    assertThat(stores.rotateKeys(CIPHER_K2, 3)).isEqualTo(new KeyRotationReport(0, 10));
  }

  @Test
  void keyRotationReencryptsRefreshTokensAndClientSecretsToo() {
    stores.migrate();
    OAuth2Client client = OAuth2Client.google("inair-client.apps.example");
    UserSmtpSettings juan =
        UserSmtpSettings.draft("juan", EmailAddress.of("juan@inair.example"), "Juan")
            .withCredential(
                new StoredCredential.OAuth2(
                    client,
                    CIPHER_K1.encrypt(Secret.of("refresh-Token-1"), "juan"),
                    Optional.of(CIPHER_K1.encrypt(Secret.of("client-Secret-1"), "juan"))));
    stores.userSettings().save(juan);
    String account = "c".repeat(64);
    stores
        .refreshTokens()
        .replace(
            account,
            Optional.empty(),
            new RefreshTokenStore.StoredRefreshToken(
                "o".repeat(64), CIPHER_K1.encrypt(Secret.of("company-rt-1"), account)));

    assertThat(stores.rotateKeys(CIPHER_K2, 10)).isEqualTo(new KeyRotationReport(3, 0));

    StoredCredential.OAuth2 grant =
        (StoredCredential.OAuth2) stores.userSettings().find("juan").orElseThrow().credential();
    assertThat(grant.refreshToken().keyId()).isEqualTo("k2");
    assertThat(grant.clientSecret().orElseThrow().keyId()).isEqualTo("k2");
    assertThat(CIPHER_K2.decrypt(grant.refreshToken(), "juan").reveal())
        .isEqualTo("refresh-Token-1");
    assertThat(CIPHER_K2.decrypt(grant.clientSecret().orElseThrow(), "juan").reveal())
        .isEqualTo("client-Secret-1");
    RefreshTokenStore.StoredRefreshToken company =
        stores.refreshTokens().find(account).orElseThrow();
    assertThat(company.token().keyId()).isEqualTo("k2");
    assertThat(CIPHER_K2.decrypt(company.token(), account).reveal()).isEqualTo("company-rt-1");
    assertThat(stores.rotateKeys(CIPHER_K2, 10)).isEqualTo(new KeyRotationReport(0, 3));
  }

  @Test
  void keyRotationStopsAtAnUnknownKeyWithoutHalfWritingTheBatch() {
    stores.migrate();
    List<String> users = saveTenUsersOnKeyK1();
    SecretCipher cipherK0 = SecretCipher.create(KeyRing.of("k0", KEY_0));
    stores.userSettings().save(settings("u05", "u05@inair.example", "Plain-u05-Pw", cipherK0));

    UnknownKeyException unknown =
        catchThrowableOfType(UnknownKeyException.class, () -> stores.rotateKeys(CIPHER_K2, 3));

    assertThat(unknown.keyId()).isEqualTo("k0");
    assertThat(unknown).hasMessageContaining("'k0'");
    // Batch u01-u03 committed; batch u04-u06 rolled back whole (u04 is still on k1).
    assertThat(keyIds())
        .containsExactly("k2", "k2", "k2", "k1", "k0", "k1", "k1", "k1", "k1", "k1");

    SecretCipher allKeys =
        SecretCipher.create(
            KeyRing.builder().add("k0", KEY_0).add("k1", KEY_1).add("k2", KEY_2).build());
    assertThat(stores.rotateKeys(allKeys, 3)).isEqualTo(new KeyRotationReport(7, 3));
    assertThat(keyIds()).containsOnly("k2");
    assertThat(
            allKeys
                .decrypt(
                    stores.userSettings().find("u05").orElseThrow().credential().secret(), "u05")
                .reveal())
        .isEqualTo("Plain-u05-Pw");
    assertAllPasswordsDecrypt(users.stream().filter(u -> !u.equals("u05")).toList(), allKeys);
  }

  // --- legacy import ----------------------------------------------------------------------

  @Test
  void legacyImportEncryptsTheSeedsCredentialsAndCountsSkippedAndInvalidRows() throws Exception {
    createSeedUsers();
    stores.migrate();
    List<Map<String, String>> before = Tables.rows(dataSource, "users");

    LegacyImportReport report = stores.importLegacy(LegacyImport.seedDefaults(), CIPHER_K1);

    assertThat(report.imported()).isEqualTo(2);
    assertThat(report.skipped()).isEqualTo(3);
    assertThat(report.invalid()).isEqualTo(1);
    assertThat(report.problems())
        .containsExactly("users row id=4: email_smtp is not a valid email address");
    UserSmtpSettings juan = stores.userSettings().find("1").orElseThrow();
    assertThat(juan.address().value()).isEqualTo("juan@inair.example");
    assertThat(juan.username()).isEqualTo("juan@inair.example");
    assertThat(juan.displayName()).isEqualTo("Juan Pérez");
    assertThat(juan.enabled()).isTrue();
    assertThat(juan.health()).isEqualTo(SettingsHealth.unverified());
    assertThat(juan.server()).isEmpty();
    assertThat(CIPHER_K1.decrypt(juan.credential().secret(), "1").reveal())
        .isEqualTo("Plain-Juan-Pw-1");
    assertThat(stores.userSettings().list())
        .extracting(UserSmtpSettings::userId)
        .containsExactly("1", "5");
    // clearPlainText is false: the host table is only read.
    assertThat(Tables.rows(dataSource, "users")).isEqualTo(before);
  }

  @Test
  void legacyImportTakesDisplayNamesAndServerWhenConfigured() throws Exception {
    createSeedUsers();
    stores.migrate();
    SmtpServer godaddy =
        SmtpServer.of("smtpout.secureserver.net", 465, TransportSecurity.IMPLICIT_TLS);

    stores.importLegacy(
        LegacyImport.seedDefaults().withNameColumn("nombre").withServer(godaddy), CIPHER_K1);

    UserSmtpSettings maria = stores.userSettings().find("5").orElseThrow();
    assertThat(maria.displayName()).isEqualTo("María López");
    assertThat(maria.server()).contains(godaddy);
  }

  @Test
  void legacyImportWithoutANameColumnShowsTheAddressesLocalPart() throws Exception {
    createSeedUsers();
    stores.migrate();

    stores.importLegacy(LegacyImport.seedDefaults().withNameColumn(null), CIPHER_K1);

    assertThat(stores.userSettings().list())
        .extracting(UserSmtpSettings::displayName)
        .containsExactly("juan", "maria");
  }

  @Test
  void legacyImportNamesAMissingColumnInsteadOfFailingWithTheDatabasesError() throws Exception {
    Tables.execute(
        dataSource,
        "create table users (id integer primary key, email_smtp varchar(254),"
            + " password_smtp varchar(500))",
        "insert into users values (1, 'juan@inair.example', 'Plain-Juan-Pw-1')");
    stores.migrate();

    InvalidInputException noName =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> stores.importLegacy(LegacyImport.seedDefaults(), CIPHER_K1));
    InvalidInputException noAddress =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                stores.importLegacy(
                    new LegacyImport(
                        "users", "id", null, "correo", "password_smtp", false, Optional.empty()),
                    CIPHER_K1));

    assertThat(noName.field()).isEqualTo("legacyImport.nameColumn");
    assertThat(noName)
        .hasMessageContainingAll(
            "table 'users' has no column 'nombre'", "withNameColumn(null)", "--name-column");
    assertThat(noAddress.field()).isEqualTo("legacyImport.smtpAddressColumn");
    assertThat(noAddress).hasMessageContaining("table 'users' has no column 'correo'");
    assertThat(stores.userSettings().list()).isEmpty();
    assertThat(stores.importLegacy(LegacyImport.seedDefaults().withNameColumn(null), CIPHER_K1))
        .isEqualTo(new LegacyImportReport(1, 0, 0, List.of()));
  }

  @Test
  void legacyImportProblemLinesNameTheRowAndColumnButNeverQuoteAValue() throws Exception {
    String passwordInAddressColumn = "Hunter2-Secret-Pw!";
    String nameWithLineBreak = "Ocho\r\nBcc: espia@example.com";
    String overLongName = "Nueve " + "Largo".repeat(40);
    Tables.execute(
        dataSource,
        "create table users (id integer primary key, nombre varchar(300),"
            + " email_smtp varchar(254), password_smtp varchar(500))");
    String insert = "insert into users values (?, ?, ?, ?)";
    // Row 7 has its SMTP columns swapped: the password sits where the address belongs.
    Tables.update(dataSource, insert, 7, "Siete", passwordInAddressColumn, "siete@inair.example");
    Tables.update(dataSource, insert, 8, nameWithLineBreak, "ocho@inair.example", "Plain-8-Pw");
    Tables.update(dataSource, insert, 9, overLongName, "nueve@inair.example", "Plain-9-Pw");
    stores.migrate();
    ListAppender<ILoggingEvent> log = captureLog();

    LegacyImportReport report;
    try {
      report = stores.importLegacy(LegacyImport.seedDefaults(), CIPHER_K1);
    } finally {
      stopCapturing(log);
    }

    assertThat(report.problems())
        .containsExactly(
            "users row id=7: email_smtp is not a valid email address",
            "users row id=8: nombre contains a line break or NUL character",
            "users row id=9: nombre is longer than 200 characters");
    List<String> logged =
        log.list.stream().map(e -> e.getFormattedMessage() + " " + e.getThrowableProxy()).toList();
    assertThat(logged).anyMatch(line -> line.contains("qm legacyImport table=users"));
    for (String value :
        List.of(passwordInAddressColumn, "siete@inair.example", "Ocho", "espia", "Largo")) {
      assertThat(report.problems()).noneMatch(line -> line.contains(value));
      assertThat(logged).noneMatch(line -> line.contains(value));
    }
    assertThat(stores.userSettings().list()).isEmpty();
  }

  @Test
  void legacyImportNamesTheNameColumnWhenANameHoldsABidiControl() throws Exception {
    Tables.execute(
        dataSource,
        "create table users (id integer primary key, nombre varchar(300),"
            + " email_smtp varchar(254), password_smtp varchar(500))");
    Tables.update(
        dataSource,
        "insert into users values (?, ?, ?, ?)",
        3,
        "Juan \u202Ezerep",
        "juan@inair.example",
        "Plain-3-Pw");
    stores.migrate();

    LegacyImportReport report = stores.importLegacy(LegacyImport.seedDefaults(), CIPHER_K1);

    assertThat(report.problems())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("users row id=3: nombre contains the bidirectional control")
                    .doesNotContain("zerep"));
    assertThat(stores.userSettings().list()).isEmpty();
  }

  @Test
  void legacyImportRunTwiceImportsNothingNewAndKeepsExistingSettings() throws Exception {
    createSeedUsers();
    stores.migrate();
    stores.importLegacy(LegacyImport.seedDefaults(), CIPHER_K1);
    UserSmtpSettings juanBefore = stores.userSettings().find("1").orElseThrow();
    Tables.execute(
        dataSource, "update users set password_smtp = 'Plain-Juan-Changed' where id = 1");

    LegacyImportReport again = stores.importLegacy(LegacyImport.seedDefaults(), CIPHER_K1);

    assertThat(again.imported()).isZero();
    assertThat(again.skipped()).isEqualTo(5);
    assertThat(again.invalid()).isEqualTo(1);
    assertThat(again.problems())
        .containsExactly("users row id=4: email_smtp is not a valid email address");
    assertThat(stores.userSettings().list()).hasSize(2);
    // The stored settings win over a password changed in the host table since the first run.
    assertThat(stores.userSettings().find("1")).contains(juanBefore);
  }

  @Test
  void legacyImportClearsThePlainColumnOnlyWhenAsked() throws Exception {
    createSeedUsers();
    stores.migrate();

    stores.importLegacy(LegacyImport.seedDefaults(), CIPHER_K1);
    assertThat(plainPasswords())
        .containsExactly(
            "Plain-Juan-Pw-1", null, "", "Plain-Bad-Pw-4", "Plain-Maria-Pw-5", "Plain-Pedro-Pw-6");

    LegacyImportReport clearing =
        stores.importLegacy(LegacyImport.seedDefaults().withClearPlainText(true), CIPHER_K1);

    assertThat(clearing.imported()).isZero();
    // Rows whose user has settings lose the plain text; the invalid row keeps it for an admin to
    // fix, and skipped rows are not touched.
    assertThat(plainPasswords())
        .containsExactly(null, null, "", "Plain-Bad-Pw-4", null, "Plain-Pedro-Pw-6");
    assertThat(Tables.rows(dataSource, "users"))
        .extracting(row -> row.get("email_smtp"))
        .containsExactly(
            "juan@inair.example",
            null,
            "luis@inair.example",
            "not-an-address",
            "maria@inair.example",
            "   ");
    UserSmtpSettings maria = stores.userSettings().find("5").orElseThrow();
    assertThat(CIPHER_K1.decrypt(maria.credential().secret(), "5").reveal())
        .isEqualTo("Plain-Maria-Pw-5");
  }

  @Test
  void legacyImportWithClearingOnItsFirstRunLeavesNoPlainTextOfImportedUsers() throws Exception {
    createSeedUsers();
    stores.migrate();

    LegacyImportReport report =
        stores.importLegacy(LegacyImport.seedDefaults().withClearPlainText(true), CIPHER_K1);

    assertThat(report.imported()).isEqualTo(2);
    assertThat(plainPasswords())
        .containsExactly(null, null, "", "Plain-Bad-Pw-4", null, "Plain-Pedro-Pw-6");
  }

  @Test
  void legacyImportRefusesTableAndColumnNamesThatAreNotPlainIdentifiers() {
    assertThatThrownBy(
            () ->
                new LegacyImport(
                    "users; drop table users",
                    "id",
                    null,
                    "email_smtp",
                    "password_smtp",
                    false,
                    Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("legacyImport.table");
    assertThatThrownBy(() -> LegacyImport.seedDefaults().withNameColumn("nombre--"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("legacyImport.nameColumn");
    assertThatThrownBy(
            () ->
                new LegacyImport(
                    "users",
                    "x".repeat(65),
                    null,
                    "email_smtp",
                    "password_smtp",
                    false,
                    Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
  }

  // --- secrets at rest --------------------------------------------------------------------

  @Test
  void noQmTableEverHoldsAPlainPassword() throws Exception {
    createSeedUsers();
    stores.migrate();
    stores.userSettings().save(settings("juan", "juan@inair.example", LONG_PASSWORD));
    stores.importLegacy(LegacyImport.seedDefaults(), CIPHER_K1);
    saveTenUsersOnKeyK1();
    stores.rotateKeys(CIPHER_K2, 4);
    stores.userSettings().updateHealth("juan", SettingsHealth.rejected(T0, "535 5.7.8 bad login"));
    stores.deliveryLog().record(attempt(T0, "juan", "COT-1"));
    List<String> plain =
        new ArrayList<>(
            List.of(LONG_PASSWORD, "Plain-Juan-Pw-1", "Plain-Maria-Pw-5", "Plain-Bad-Pw-4"));
    IntStream.rangeClosed(1, 10).forEach(i -> plain.add(String.format("Plain-u%02d-Pw", i)));

    Map<String, List<Map<String, String>>> dump = Tables.dumpQmTables(dataSource);

    assertThat(dump.keySet())
        .contains("qm_schema_history", "qm_user_smtp_settings", "qm_delivery_attempt");
    assertThat(dump.get("qm_user_smtp_settings")).hasSize(13);
    List<String> cells =
        dump.values().stream()
            .flatMap(List::stream)
            .flatMap(row -> row.values().stream())
            .filter(v -> v != null)
            .toList();
    for (String password : plain) {
      assertThat(cells).noneMatch(cell -> cell.contains(password));
    }
    assertThat(dump.get("qm_user_smtp_settings"))
        .allSatisfy(row -> assertThat(row.get("password_secret")).startsWith("qm1:"));
  }

  // --- helpers ----------------------------------------------------------------------------

  /** Starts collecting every event the library logs. */
  static ListAppender<ILoggingEvent> captureLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger("io.github.quotemailer")).addAppender(appender);
    return appender;
  }

  /** Stops collecting; the events collected stay in {@code appender.list}. */
  static void stopCapturing(ListAppender<ILoggingEvent> appender) {
    ((Logger) LoggerFactory.getLogger("io.github.quotemailer")).detachAppender(appender);
    appender.stop();
  }

  /** The seed CRM's users table, with its plain-text SMTP columns. */
  void createSeedUsers() throws Exception {
    Tables.execute(
        dataSource,
        "create table users (id integer primary key, email varchar(200) not null,"
            + " nombre varchar(100), email_smtp varchar(254), password_smtp varchar(500))",
        "insert into users values (1, 'juan@inair.example', 'Juan Pérez', 'juan@inair.example',"
            + " 'Plain-Juan-Pw-1')",
        "insert into users values (2, 'ana@inair.example', 'Ana', null, null)",
        "insert into users values (3, 'luis@inair.example', 'Luis', 'luis@inair.example', '')",
        "insert into users values (4, 'bad@inair.example', 'Bad', 'not-an-address',"
            + " 'Plain-Bad-Pw-4')",
        "insert into users values (5, 'maria@inair.example', 'María López',"
            + " 'maria@inair.example', 'Plain-Maria-Pw-5')",
        "insert into users values (6, 'pedro@inair.example', 'Pedro', '   ', 'Plain-Pedro-Pw-6')");
  }

  List<String> plainPasswords() throws Exception {
    return Tables.rows(dataSource, "users").stream().map(row -> row.get("password_smtp")).toList();
  }

  List<String> saveTenUsersOnKeyK1() {
    List<String> users = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      String id = String.format("u%02d", i);
      stores.userSettings().save(settings(id, id + "@inair.example", "Plain-" + id + "-Pw"));
      users.add(id);
    }
    return users;
  }

  List<String> keyIds() {
    return stores.userSettings().list().stream()
        .filter(s -> s.userId().matches("u\\d\\d"))
        .map(s -> s.credential().secret().keyId())
        .toList();
  }

  void assertAllPasswordsDecrypt(List<String> users, SecretCipher cipher) {
    for (String id : users) {
      UserSmtpSettings stored = stores.userSettings().find(id).orElseThrow();
      assertThat(cipher.decrypt(stored.credential().secret(), id).reveal())
          .isEqualTo("Plain-" + id + "-Pw");
    }
  }

  static UserSmtpSettings settings(String userId, String address, String password) {
    return settings(userId, address, password, CIPHER_K1);
  }

  static UserSmtpSettings settings(
      String userId, String address, String password, SecretCipher cipher) {
    return UserSmtpSettings.of(
        userId, EmailAddress.of(address), userId, cipher.encrypt(Secret.of(password), userId));
  }

  static List<String> versions(List<Map<String, String>> history) {
    return history.stream().map(row -> row.get("version")).filter(v -> v != null).sorted().toList();
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[KeyRing.KEY_BYTES];
    Arrays.fill(key, (byte) (seed * 31 + 7));
    return key;
  }
}
