package io.github.quotemailer.examples;

import static io.github.quotemailer.examples.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.testing.LoopbackMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The users, keys and send commands on an embedded H2 database and a loopback mail server. */
class DatabaseCommandsTest {
  private static final String COMPANY_PASSWORD = "company-cli-password-9";
  private static final String JUAN_PASSWORD = "juan-cli-password-7";

  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtp(
          Map.of("ventas@inair.example", COMPANY_PASSWORD, "juan@inair.example", JUAN_PASSWORD));

  @TempDir Path dir;

  private Path config;
  private String dbUrl;
  private final String firstKey = KeyRing.generateKeySpec("k1");

  @BeforeEach
  void writeConfig() throws Exception {
    dbUrl = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
    config = writeConfig(firstKey);
  }

  @Test
  void setListVerifyAndSendFromTheUsersOwnMailbox() throws Exception {
    CliRun set =
        run(
            JUAN_PASSWORD + "\n",
            "users",
            "set-smtp",
            "--config",
            config.toString(),
            "--user",
            "juan",
            "--name",
            "Juan Pérez",
            "--address",
            "juan@inair.example",
            "--host",
            "127.0.0.1",
            "--port",
            port(),
            "--security",
            "PLAIN",
            "--password-stdin");
    assertThat(set.exit()).as(set.err()).isZero();

    CliRun list = run("", "users", "list", "--config", config.toString());
    assertThat(list.out()).contains("juan@inair.example").doesNotContain(JUAN_PASSWORD);
    assertThat(healthOf("juan", list)).isEqualTo("UNVERIFIED");

    CliRun verify = run("", "users", "verify", "--config", config.toString(), "--user", "juan");
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("result=ACCEPTED");
    assertThat(healthOf("juan", run("", "users", "list", "--config", config.toString())))
        .isEqualTo("VERIFIED");

    CliRun send =
        run(
            "",
            "send",
            "--config",
            config.toString(),
            "--quote",
            SampleQuoteFile.copyInto(dir).toString(),
            "--to",
            "compras@hsjn.example");
    assertThat(send.exit()).as(send.err()).isZero();
    assertThat(send.out())
        .matches(
            "identity=juan@inair\\.example reason=OWN_ACCOUNT messageId=<.+>"
                + " result=ACCEPTED reply=\"250[^\"]*\"\\R");
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(rawDump()).doesNotContain(JUAN_PASSWORD);
  }

  @Test
  void aUserWithoutSettingsSendsThroughTheCompany() throws Exception {
    CliRun send =
        run(
            "",
            "send",
            "--config",
            config.toString(),
            "--quote",
            SampleQuoteFile.copyInto(dir).toString(),
            "--to",
            "compras@hsjn.example");

    assertThat(send.exit()).as(send.err()).isZero();
    assertThat(send.out())
        .startsWith("identity=ventas@inair.example reason=NOT_CONFIGURED messageId=<")
        .contains(" result=ACCEPTED reply=\"250");
  }

  @Test
  void nothingSentMeansANonZeroExitAndAClearMessage() throws Exception {
    Path broken =
        Files.writeString(
            dir.resolve("broken.properties"),
            Files.readString(config)
                .replace("quotemailer.smtp.port=" + port(), "quotemailer.smtp.port=1"));

    CliRun send =
        run(
            "",
            "send",
            "--config",
            broken.toString(),
            "--quote",
            SampleQuoteFile.copyInto(dir).toString(),
            "--to",
            "compras@hsjn.example");

    assertThat(send.exit()).isEqualTo(ExitCodes.DELIVERY_FAILED);
    assertThat(send.err())
        .startsWith("error: quote COT-2025-0142 not sent:")
        .containsPattern("(?m)^result=UNREACHABLE reply=\".+\"$");
  }

  @Test
  void legacyImportAndKeyRotation() throws Exception {
    // Migrate first so the host table is created beside QuoteMailer's own.
    run("", "users", "list", "--config", config.toString());
    try (Connection c = DriverManager.getConnection(dbUrl);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE users (id VARCHAR(20) PRIMARY KEY, email VARCHAR(100),"
              + " email_smtp VARCHAR(100), password_smtp VARCHAR(100))");
      s.execute(
          "INSERT INTO users VALUES ('ana', 'ana@inair.example', 'ana@inair.example', 'ana-plain-1')");
      s.execute("INSERT INTO users VALUES ('luis', 'luis@inair.example', NULL, NULL)");
      s.execute("INSERT INTO users VALUES ('bad', 'bad@inair.example', 'not-an-address', 'x')");
    }

    // The default name column is the seed's "nombre", which this table lacks.
    CliRun noNames = run("", "users", "import-legacy", "--config", config.toString());
    assertThat(noNames.exit()).isEqualTo(2);
    assertThat(noNames.err()).contains("has no column 'nombre'", "--name-column=");

    CliRun imported =
        run("", "users", "import-legacy", "--config", config.toString(), "--name-column=");
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("imported=1 skipped=1 invalid=1")
        .contains("users row id=bad: email_smtp is not a valid email address")
        .doesNotContain("ana-plain-1")
        .doesNotContain("not-an-address");

    Path rotated = writeConfig(firstKey + "," + KeyRing.generateKeySpec("k2"));
    CliRun rotate = run("", "keys", "rotate", "--config", rotated.toString());
    assertThat(rotate.exit()).as(rotate.err()).isZero();
    assertThat(rotate.out()).contains("newest key=k2 rotated=1");
    assertThat(rawDump()).contains("qm1:k2:").doesNotContain("qm1:k1:");
  }

  @Test
  void setSmtpTakesTheAccountsOwnSendingLimitAndRefusesABadOne() {
    CliRun set = setJuanWithLimit("5/24h");
    CliRun bad = setJuanWithLimit("5 a day");

    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("(juan@inair.example, unverified, sending limit 5/24h)");
    assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err())
        .startsWith("error: --limit: '5 a day' is not COUNT/WINDOW, e.g. 250/24h or 30/1m");
  }

  private CliRun setJuanWithLimit(String limit) {
    return run(
        JUAN_PASSWORD + "\n",
        "users",
        "set-smtp",
        "--config",
        config.toString(),
        "--user",
        "juan",
        "--name",
        "Juan Pérez",
        "--address",
        "juan@inair.example",
        "--limit",
        limit,
        "--password-stdin");
  }

  @Test
  void thePasswordIsNeverTakenFromAnArgument() {
    CliRun set =
        run(
            "",
            "users",
            "set-smtp",
            "--config",
            config.toString(),
            "--user",
            "juan",
            "--name",
            "Juan",
            "--address",
            "juan@inair.example",
            "--password",
            "oops");

    assertThat(set.exit()).isNotZero();
    assertThat(set.err()).contains("--password");
  }

  private Path writeConfig(String keys) throws Exception {
    Path file = dir.resolve("quotemailer-" + keys.hashCode() + ".properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "quotemailer.db.url=" + dbUrl,
            "quotemailer.secret.keys=" + keys,
            "quotemailer.smtp.host=127.0.0.1",
            "quotemailer.smtp.port=" + port(),
            "quotemailer.smtp.security=PLAIN",
            "quotemailer.company.name=INAIR",
            "quotemailer.company.address=ventas@inair.example",
            "quotemailer.company.password=" + COMPANY_PASSWORD,
            ""));
    return file;
  }

  private String rawDump() throws Exception {
    return SettingsTableDump.of(dbUrl);
  }

  /** The HEALTH column of {@code user}'s row in the output of {@code users list}. */
  private static String healthOf(String user, CliRun list) {
    // CHECKED (an instant or "-") and REPLY (quoted, or "-") follow the status.
    Matcher row =
        Pattern.compile("(?m)^" + Pattern.quote(user) + " .* ([A-Z_]+) +\\S+ +(\".*\"|-)$")
            .matcher(list.out());
    assertThat(row.find()).as("a row for %s in%n%s", user, list.out()).isTrue();
    return row.group(1);
  }

  private static String port() {
    return String.valueOf(greenMail.getSmtp().getPort());
  }
}
