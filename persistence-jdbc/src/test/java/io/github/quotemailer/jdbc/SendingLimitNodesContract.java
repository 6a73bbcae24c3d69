package io.github.quotemailer.jdbc;

import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.outbox.OutboxStatus;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.LoopbackMail;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sending limit held across two worker JVMs on one database: salesperson juan may send 5 quotes
 * per 20-second window, 8 are queued, and one worker runs in this JVM while {@link
 * LimitedWorkerMain} runs in another, both against one GreenMail server. By default 5 go out as
 * juan at once and 3 wait until the window reopens, then go as juan too; under a policy that falls
 * back on a full quota, the 3 go from the company at once. The figures go to standard output.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
abstract class SendingLimitNodesContract {
  static final int QUOTES = 8;
  static final SendingLimit LIMIT = SendingLimit.of(5, Duration.ofSeconds(20));
  static final String JUAN = "juan@inair.example";
  static final String JUAN_PASSWORD = "juan-Nodes-Pass-5";

  /** Far longer than the window and the whole test: the nodes never wait for it. */
  static final Duration DEADLINE = Duration.ofMinutes(2);

  private static final Pattern DELIVERED =
      Pattern.compile("worker=\\S+ delivered=(\\d+) asUser=(\\d+) asCompany=(\\d+)");

  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtp(Map.of(COMPANY, COMPANY_PASSWORD, JUAN, JUAN_PASSWORD));

  @TempDir Path logs;

  private TestDatabase database;
  private PooledDataSource pool;
  private JdbcStores stores;
  private Process otherNode;
  private final AtomicInteger deliveredHere = new AtomicInteger();

  /** A fresh, empty database (or schema) that other JVMs can open by its URL. */
  abstract TestDatabase openDatabase() throws Exception;

  @BeforeEach
  void openStores() throws Exception {
    database = openDatabase();
    pool = new PooledDataSource(database.newDataSource(), 4);
    stores = JdbcStores.create(pool);
    stores.migrate();
    stores.userSettings().save(juansVerifiedSettings());
  }

  @AfterEach
  void stopEverything() throws Exception {
    if (otherNode != null) {
      otherNode.destroyForcibly();
      otherNode.waitFor(30, TimeUnit.SECONDS);
    }
    pool.close();
    database.drop();
  }

  @Test
  void fiveGoAsTheUserAndThreeWaitForTheWindowAcrossTwoWorkerJvms() throws Exception {
    try (QuoteMailer mailer = mailerHere(false);
        DeliveryWorker here = startWorkers(mailer, "DEFER")) {
      long start = System.nanoTime();
      enqueue(mailer);

      OutboxStatus limited = awaitStatus(s -> s.count(OutboxState.SENT) == 5 && s.deferred() == 3);
      List<String> fromWhileLimited = fromAddresses();
      long limitedAfter = System.nanoTime();
      awaitStatus(s -> s.count(OutboxState.SENT) == QUOTES);
      long allAfter = System.nanoTime();
      here.shutdown(Duration.ofSeconds(30));
      int[] there = stopOtherNode();

      assertThat(fromWhileLimited).hasSize(5).containsOnly(JUAN);
      assertThat(limited.nextDeferred()).isPresent();
      assertThat(fromAddresses()).hasSize(QUOTES).containsOnly(JUAN);
      assertThat(stores.outbox().status(Instant.now()).count(OutboxState.DEAD)).isZero();
      List<Instant> sends = sentAt(ResolutionReason.OWN_ACCOUNT);
      assertThat(sends).hasSize(QUOTES);
      for (int i = 0; i + LIMIT.count() < sends.size(); i++) {
        assertThat(Duration.between(sends.get(i), sends.get(i + LIMIT.count())))
            .as("the 6th send after send %d comes a whole window later", i)
            .isGreaterThanOrEqualTo(LIMIT.window());
      }
      long deferrals =
          attempts().stream().filter(a -> a.outcome() == DeliveryOutcome.DEFERRED).count();
      assertThat(deliveredHere() + there[0]).isEqualTo(QUOTES);
      System.out.printf(
          "%s sending limit test: limit %s, %d quotes for %s, 2 worker JVMs x 2 threads;"
              + " this JVM delivered %d, the other %d; 5 sent and 3 waiting (next at %s) after %d"
              + " ms; all %d sent as the user after %d ms; first-to-sixth send %d ms apart;"
              + " %d deferral records in the delivery log; send times %s%n",
          stores.dialect(),
          LIMIT,
          QUOTES,
          JUAN,
          deliveredHere(),
          there[0],
          limited.nextDeferred().orElseThrow(),
          TimeUnit.NANOSECONDS.toMillis(limitedAfter - start),
          QUOTES,
          TimeUnit.NANOSECONDS.toMillis(allAfter - start),
          Duration.between(sends.get(0), sends.get(LIMIT.count())).toMillis(),
          deferrals,
          sends);
    }
  }

  @Test
  void fiveGoAsTheUserAndThreeFromTheCompanyWhenThePolicyFallsBack() throws Exception {
    try (QuoteMailer mailer = mailerHere(true);
        DeliveryWorker here = startWorkers(mailer, "FALL_BACK")) {
      long start = System.nanoTime();
      enqueue(mailer);

      awaitStatus(s -> s.count(OutboxState.SENT) == QUOTES);
      long allAfter = System.nanoTime();
      here.shutdown(Duration.ofSeconds(30));
      int[] there = stopOtherNode();

      List<String> from = fromAddresses();
      assertThat(from).hasSize(QUOTES);
      assertThat(Collections.frequency(from, JUAN)).isEqualTo(5);
      assertThat(Collections.frequency(from, COMPANY)).isEqualTo(3);
      assertThat(sentAt(ResolutionReason.OWN_ACCOUNT)).hasSize(5);
      assertThat(sentAt(ResolutionReason.OWN_ACCOUNT_QUOTA)).hasSize(3);
      assertThat(attempts()).noneMatch(a -> a.outcome() == DeliveryOutcome.DEFERRED);
      assertThat(deliveredHere() + there[0]).isEqualTo(QUOTES);
      System.out.printf(
          "%s sending limit test, policy QUOTA=FALL_BACK: limit %s, %d quotes, 2 worker JVMs x 2"
              + " threads; this JVM delivered %d (%d more in the other: %d as the user, %d from"
              + " the company); 5 as the user, 3 from the company (OWN_ACCOUNT_QUOTA) after %d"
              + " ms%n",
          stores.dialect(),
          LIMIT,
          QUOTES,
          deliveredHere(),
          there[0],
          there[1],
          there[2],
          TimeUnit.NANOSECONDS.toMillis(allAfter - start));
    }
  }

  // --- helpers ----------------------------------------------------------------------------

  private UserSmtpSettings juansVerifiedSettings() {
    SmtpServer server =
        SmtpServer.of("127.0.0.1", greenMail.getSmtp().getPort(), TransportSecurity.PLAIN);
    return new UserSmtpSettings(
        "juan",
        EmailAddress.of(JUAN),
        "Juan Pérez",
        JUAN,
        Optional.of(server),
        new StoredCredential.Password(
            SecretCipher.create(MailerFixture.KEYS).encrypt(Secret.of(JUAN_PASSWORD), "juan")),
        Optional.empty(),
        true,
        SettingsHealth.verified(Instant.now(), "235 ok"));
  }

  private QuoteMailer mailerHere(boolean fallsBack) {
    DeliveryListener counting =
        new DeliveryListener() {
          @Override
          public void onDelivered(String userId, DeliveryReceipt receipt) {
            deliveredHere.incrementAndGet();
          }
        };
    return OutboxMailers.limitedMailer(
        stores, greenMail.getSmtp().getPort(), LIMIT, fallsBack, counting);
  }

  private int deliveredHere() {
    return deliveredHere.get();
  }

  /**
   * Starts the other JVM's worker and, once it runs, this JVM's: both are claiming before the first
   * quote is enqueued, so they race for every one.
   */
  private DeliveryWorker startWorkers(QuoteMailer mailer, String policy) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            LimitedWorkerMain.class.getName(),
            database.jdbcUrl(),
            String.valueOf(greenMail.getSmtp().getPort()),
            "node-b",
            LIMIT.toString(),
            policy);
    otherNode =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("node-b.log").toFile())
            .start();
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> wholeLog().contains("worker=node-b started") || !otherNode.isAlive());
    assertThat(otherNode.isAlive()).as("node-b runs; its log:%n%s", log()).isTrue();
    return mailer
        .worker()
        .threads(2)
        .owner("node-a")
        .lease(Duration.ofMinutes(1))
        .pollInterval(OutboxMailers.POLL)
        .retry(OutboxMailers.FAST_RETRY)
        .build()
        .start();
  }

  /** Closes the other JVM's input, which stops its worker; returns delivered, asUser, asCompany. */
  private int[] stopOtherNode() throws Exception {
    otherNode.getOutputStream().close();
    assertThat(otherNode.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
        .as("node-b exits; its log:%n%s", log())
        .isTrue();
    assertThat(otherNode.exitValue()).as("node-b's exit code; its log:%n%s", log()).isZero();
    Matcher m = DELIVERED.matcher(wholeLog());
    assertThat(m.find()).as("node-b reports its deliveries; its log:%n%s", log()).isTrue();
    return new int[] {
      Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))
    };
  }

  private void enqueue(QuoteMailer mailer) {
    for (int deal = 1; deal <= QUOTES; deal++) {
      mailer.enqueue(
          QuoteEmail.of(Quotes.sample("juan"), OutboxMailers.CUSTOMER).withDealId("deal-" + deal));
    }
  }

  private OutboxStatus awaitStatus(java.util.function.Predicate<OutboxStatus> condition) {
    return await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> stores.outbox().status(Instant.now()), condition::test);
  }

  private List<DeliveryAttempt> attempts() {
    return stores.deliveryLog().byUser("juan", Page.first(Page.MAX_LIMIT));
  }

  /** Start times of the SENT attempts recorded with {@code reason}, oldest first. */
  private List<Instant> sentAt(ResolutionReason reason) {
    return attempts().stream()
        .filter(a -> a.outcome() == DeliveryOutcome.SENT && a.reason() == reason)
        .map(DeliveryAttempt::at)
        .sorted()
        .toList();
  }

  private static List<String> fromAddresses() throws Exception {
    List<String> from = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      from.add(((InternetAddress) m.getFrom()[0]).getAddress());
    }
    return from;
  }

  /** The last lines of the other node's output, for failure messages. */
  private String log() throws IOException {
    List<String> lines = wholeLog().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private String wholeLog() throws IOException {
    Path file = logs.resolve("node-b.log");
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
