package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.testing.LoopbackMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** enqueue, worker --until-idle and the outbox commands on an embedded H2 database. */
@Timeout(120)
class OutboxCommandsTest {
  private static final String COMPANY_PASSWORD = "company-outbox-password-3";

  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtp(Map.of("ventas@inair.example", COMPANY_PASSWORD));

  @TempDir Path dir;

  @Test
  void enqueueAFolderRunAWorkerUntilIdleAndInspectTheOutbox() throws Exception {
    Path config = config();
    Path quotes = Files.createDirectories(dir.resolve("quotes"));
    String sample = SampleQuoteFile.text();
    Files.writeString(quotes.resolve("a.json"), sample);
    Files.writeString(quotes.resolve("b.json"), sample.replace("COT-2025-0142", "COT-2025-0143"));

    CliRun enqueue =
        run(
            "enqueue",
            "--config",
            config.toString(),
            "--quote",
            quotes.toString(),
            "--to",
            "compras@hsjn.example");
    assertThat(enqueue.exit()).as(enqueue.err()).isZero();
    assertThat(enqueue.out().lines()).hasSize(2).allMatch(l -> l.contains(" new "));

    CliRun again =
        run(
            "enqueue",
            "--config",
            config.toString(),
            "--quote",
            quotes.resolve("a.json").toString(),
            "--to",
            "compras@hsjn.example");
    assertThat(again.out()).contains("quote=COT-2025-0142").contains(" duplicate ");
    assertThat(greenMail.getReceivedMessages()).as("enqueue sends nothing").isEmpty();

    CliRun worker = run("worker", "--config", config.toString(), "--threads", "2", "--until-idle");
    assertThat(worker.exit()).as(worker.err()).isZero();
    assertThat(worker.out()).contains("sent=2");
    assertThat(greenMail.getReceivedMessages()).hasSize(2);

    CliRun status = run("outbox", "status", "--config", config.toString());
    assertThat(status.out()).containsPattern("SENT\\s+2").containsPattern("DEAD\\s+0");

    assertThat(run("outbox", "retry-dead", "--config", config.toString()).out())
        .contains("revived=0");
    assertThat(run("outbox", "purge", "--config", config.toString(), "--older-than", "0").out())
        .contains("purged=2");
  }

  @Test
  void quotesOverASendingLimitWaitAndOutboxStatusSaysWhenTheNextGoes() throws Exception {
    // Every account on the company's host may send 1 an hour; the company account itself 2.
    Path config =
        Files.writeString(
            dir.resolve("limited.properties"),
            Files.readString(config())
                + "quotemailer.limit.127.0.0.1=1/1h\nquotemailer.company.limit=2/1h\n");
    Path quotes = Files.createDirectories(dir.resolve("quotes"));
    String sample = SampleQuoteFile.text();
    for (String number : new String[] {"COT-2025-0142", "COT-2025-0143", "COT-2025-0144"}) {
      Files.writeString(quotes.resolve(number + ".json"), sample.replace("COT-2025-0142", number));
    }
    run(
        "enqueue",
        "--config",
        config.toString(),
        "--quote",
        quotes.toString(),
        "--to",
        "compras@hsjn.example");
    Instant before = Instant.now();

    CliRun worker = run("worker", "--config", config.toString(), "--until-idle");
    CliRun status = run("outbox", "status", "--config", config.toString());

    assertThat(worker.exit()).as(worker.err()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(status.out())
        .containsPattern("SENT\\s+2")
        .containsPattern("PENDING\\s+1")
        .containsPattern("deferred\\s+1")
        .containsPattern("DEAD\\s+0");
    Matcher next = Pattern.compile("next deferred\\s+(\\S+)").matcher(status.out());
    assertThat(next.find()).as(status.out()).isTrue();
    assertThat(Instant.parse(next.group(1)))
        .isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
  }

  @Test
  void theRenderingKeyChoosesWhetherTheOutboxHoldsTheQuoteOrItsPdf() throws Exception {
    Path quotes = Files.createDirectories(dir.resolve("quotes"));
    Files.writeString(quotes.resolve("a.json"), SampleQuoteFile.text());
    String base = Files.readString(config());
    Path whenSent = Files.writeString(dir.resolve("sent.properties"), base);
    Path whenEnqueued =
        Files.writeString(
            dir.resolve("enqueued.properties"),
            base + "\nquotemailer.outbox.rendering=when-enqueued\n");
    Path wrong =
        Files.writeString(
            dir.resolve("wrong.properties"), base + "\nquotemailer.outbox.rendering=later\n");

    run(
        "enqueue",
        "--config",
        whenSent.toString(),
        "--quote",
        quotes.toString(),
        "--to",
        "a@hsjn.example");
    run(
        "enqueue",
        "--config",
        whenEnqueued.toString(),
        "--quote",
        quotes.toString(),
        "--to",
        "b@hsjn.example");
    CliRun refused =
        run(
            "enqueue",
            "--config",
            wrong.toString(),
            "--quote",
            quotes.toString(),
            "--to",
            "c@hsjn.example");

    String url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "select to_recipients, quote_snapshot is not null, length(pdf) from qm_outbox"
                        + " order by to_recipients")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("a@hsjn.example");
      assertThat(rows.getBoolean(2)).as("the quote is stored").isTrue();
      assertThat(rows.getLong(3)).isZero();
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("b@hsjn.example");
      assertThat(rows.getBoolean(2)).as("no quote, the PDF instead").isFalse();
      assertThat(rows.getLong(3)).isGreaterThan(10_000);
      assertThat(rows.next()).isFalse();
    }
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.err()).contains("quotemailer.outbox.rendering").contains("later");
  }

  private Path config() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
    return Files.writeString(
        dir.resolve("quotemailer.properties"),
        String.join(
            "\n",
            "quotemailer.db.url=" + url,
            "quotemailer.secret.keys=" + KeyRing.generateKeySpec("k1"),
            "quotemailer.smtp.host=127.0.0.1",
            "quotemailer.smtp.port=" + greenMail.getSmtp().getPort(),
            "quotemailer.smtp.security=PLAIN",
            "quotemailer.company.name=INAIR",
            "quotemailer.company.address=ventas@inair.example",
            "quotemailer.company.password=" + COMPANY_PASSWORD,
            "quotemailer.outbox.lease-seconds=30",
            "quotemailer.outbox.poll-seconds=0.05",
            "quotemailer.retry.initial-backoff-seconds=0.05",
            ""));
  }

  private static CliRun run(String... args) {
    return CliRun.run("", args);
  }
}
