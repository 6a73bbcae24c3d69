package io.github.quotemailer.examples;

import static io.github.quotemailer.examples.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.testing.LoopbackMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code users verify --all}: every imported user checked at once, with a summary by class. */
class VerifyAllCommandTest {
  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtp(
          Map.of(
              "ventas@inair.example",
              "company-pass-1",
              "juan@inair.example",
              "juan-pass-1",
              "ana@inair.example",
              "ana-pass-1"));

  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void writeConfig() throws Exception {
    String port = String.valueOf(greenMail.getSmtp().getPort());
    config =
        Files.writeString(
            dir.resolve("quotemailer.properties"),
            String.join(
                "\n",
                "quotemailer.db.url=jdbc:h2:file:"
                    + dir.resolve("crm").toAbsolutePath()
                    + ";DB_CLOSE_DELAY=0",
                "quotemailer.secret.keys=" + KeyRing.generateKeySpec("k1"),
                "quotemailer.smtp.host=127.0.0.1",
                "quotemailer.smtp.port=" + port,
                "quotemailer.smtp.security=PLAIN",
                "quotemailer.company.name=INAIR",
                "quotemailer.company.address=ventas@inair.example",
                "quotemailer.company.password=company-pass-1",
                ""));
  }

  @Test
  void verifiesEveryUserAndPrintsASummaryByClass() {
    setSmtp("juan", "juan-pass-1");
    setSmtp("ana", "not-anas-password");
    setSmtp("pedro", "pedro-pass-1"); // GreenMail knows no pedro: rejected too

    CliRun all = run("", "users", "verify", "--config", config.toString(), "--all");

    assertThat(all.exit()).as("not every user passed").isEqualTo(1);
    assertThat(all.out())
        .contains("user=juan result=ACCEPTED")
        .contains("user=ana result=AUTH_REJECTED")
        .contains("checked=3 ACCEPTED=1 AUTH_REJECTED=2 unchecked=0 disabled=0")
        .doesNotContain("not-anas-password");
    CliRun list = run("", "users", "list", "--config", config.toString());
    assertThat(list.out()).containsPattern("juan .* VERIFIED").containsPattern("ana .* REJECTED");
  }

  @Test
  void allPassingExitsZero() {
    setSmtp("juan", "juan-pass-1");

    CliRun all =
        run("", "users", "verify", "--config", config.toString(), "--all", "--concurrency", "1");

    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.out())
        .endsWith("checked=1 ACCEPTED=1 unchecked=0 disabled=0" + System.lineSeparator());
  }

  @Test
  void needsEitherAUserOrAll() {
    CliRun neither = run("", "users", "verify", "--config", config.toString());
    CliRun both =
        run("", "users", "verify", "--config", config.toString(), "--all", "--user", "juan");

    assertThat(neither.exit()).isEqualTo(2);
    assertThat(neither.err()).contains("either --user ID or --all");
    assertThat(both.exit()).isEqualTo(2);
  }

  private void setSmtp(String user, String password) {
    CliRun set =
        run(
            password + "\n",
            "users",
            "set-smtp",
            "--config",
            config.toString(),
            "--user",
            user,
            "--name",
            user,
            "--address",
            user + "@inair.example",
            "--password-stdin");
    assertThat(set.exit()).as(set.err()).isZero();
  }
}
