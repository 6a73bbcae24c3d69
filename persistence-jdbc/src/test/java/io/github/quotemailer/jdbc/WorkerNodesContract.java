package io.github.quotemailer.jdbc;

import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static java.util.function.Function.identity;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.outbox.OutboxStatus;
import io.github.quotemailer.testing.LoopbackMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker nodes in separate JVMs on one database, as several application instances run them: while
 * they all live, every email arrives exactly once; when one is killed (SIGKILL) in the middle of a
 * run, a new worker delivers everything it left, and only emails that were in flight at the kill
 * may arrive twice. Each node is {@link WorkerMain} started with this JVM's class path, two sending
 * threads, sending to a GreenMail server in this JVM. The figures go to standard output (the test
 * report's output file).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class WorkerNodesContract {
  static final int NODES_EMAILS = 2_000;
  static final int CRASH_EMAILS = 1_000;

  /** How many arrivals the crash test waits for before it kills the worker. */
  static final int ARRIVALS_BEFORE_KILL = 300;

  /** Far longer than one send, so no lease expires while both nodes run. */
  static final Duration NODE_LEASE = Duration.ofMinutes(1);

  /** The crash test's lease: a killed worker's entries are taken over two seconds later. */
  static final Duration SHORT_LEASE = Duration.ofSeconds(2);

  static final Duration JVM_TIMEOUT = Duration.ofMinutes(3);

  private static final Pattern DELIVERED = Pattern.compile("worker=\\S+ delivered=(\\d+)");

  @RegisterExtension
  static GreenMailExtension greenMail = LoopbackMail.smtp(Map.of(COMPANY, COMPANY_PASSWORD));

  @TempDir Path logs;

  private TestDatabase database;
  private PooledDataSource pool;
  private JdbcStores stores;
  private QuoteMailer mailer;
  private final List<Process> nodes = new ArrayList<>();

  /** A fresh, empty database (or schema) that other JVMs can open by its URL. */
  abstract TestDatabase openDatabase() throws Exception;

  @BeforeEach
  void openStores() throws Exception {
    database = openDatabase();
    pool = new PooledDataSource(database.newDataSource(), 4);
    stores = JdbcStores.create(pool);
    stores.migrate();
    mailer = OutboxMailers.mailer(stores, greenMail.getSmtp().getPort());
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (Process node : nodes) {
      node.destroyForcibly();
      node.waitFor(30, TimeUnit.SECONDS);
    }
    mailer.close();
    pool.close();
    database.drop();
  }

  @Test
  void twoWorkerJvmsWithTwoThreadsEachDeliverEveryEmailExactlyOnce() throws Exception {
    long start = System.nanoTime();
    Set<String> expected = enqueue(NODES_EMAILS);
    long enqueued = System.nanoTime();

    Process a = startWorkerJvm("node-a", NODE_LEASE);
    Process b = startWorkerJvm("node-b", NODE_LEASE);
    awaitSuccessfulExit(a, "node-a");
    awaitSuccessfulExit(b, "node-b");
    long done = System.nanoTime();

    List<String> arrived = arrivedMessageIds();
    assertThat(arrived).hasSize(NODES_EMAILS).doesNotHaveDuplicates();
    assertThat(new HashSet<>(arrived)).isEqualTo(expected);
    OutboxStatus status = stores.outbox().status(Instant.now());
    assertThat(status.countsByState()).containsOnlyKeys(OutboxState.SENT);
    assertThat(status.count(OutboxState.SENT)).isEqualTo(NODES_EMAILS);
    int byA = delivered("node-a");
    int byB = delivered("node-b");
    assertThat(byA + byB).isEqualTo(NODES_EMAILS);
    System.out.printf(
        "%s nodes test: %d emails, 2 worker JVMs x 2 threads; node-a delivered %d, node-b %d;"
            + " %d distinct Message-IDs arrived, 0 duplicates; enqueue %d ms, delivery %d ms%n",
        stores.dialect(),
        NODES_EMAILS,
        byA,
        byB,
        new HashSet<>(arrived).size(),
        TimeUnit.NANOSECONDS.toMillis(enqueued - start),
        TimeUnit.NANOSECONDS.toMillis(done - enqueued));
  }

  @Test
  void aWorkerJvmKilledMidRunLosesNothingAndDuplicatesAtMostTheEmailsInFlight() throws Exception {
    Set<String> expected = enqueue(CRASH_EMAILS);
    Process doomed = startWorkerJvm("doomed", SHORT_LEASE);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> arrivals() >= ARRIVALS_BEFORE_KILL || !doomed.isAlive());
    assertThat(doomed.isAlive()).as("the worker still runs; its log:%n%s", log("doomed")).isTrue();

    doomed.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no release
    assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int arrivedAtKill = arrivals();
    // Read before anyone else runs: what the dead worker had claimed and not finished.
    List<String> inFlight = messageIdsLeasedTo("doomed");

    try (DeliveryWorker rescuer =
        mailer
            .worker()
            .threads(2)
            .owner("rescuer")
            .lease(SHORT_LEASE)
            .pollInterval(OutboxMailers.POLL)
            .retry(OutboxMailers.FAST_RETRY)
            .build()) {
      rescuer.runUntilIdle();
    }

    Map<String, Long> arrivalsById =
        arrivedMessageIds().stream().collect(groupingBy(identity(), counting()));
    List<String> duplicates =
        arrivalsById.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    System.out.printf(
        "%s crash test: %d emails; worker JVM killed (SIGKILL) after %d had arrived, with %d in"
            + " flight (leased to it); after the takeover %d distinct Message-IDs arrived,"
            + " %d of them twice: %s%n",
        stores.dialect(),
        CRASH_EMAILS,
        arrivedAtKill,
        inFlight.size(),
        arrivalsById.size(),
        duplicates.size(),
        duplicates);
    assertThat(arrivalsById.keySet()).isEqualTo(expected);
    assertThat(inFlight).containsAll(duplicates);
    assertThat(duplicates.size()).isLessThanOrEqualTo(inFlight.size());
    assertThat(arrivalsById.values()).allMatch(n -> n <= 2);
    OutboxStatus status = stores.outbox().status(Instant.now());
    assertThat(status.count(OutboxState.SENT)).isEqualTo(CRASH_EMAILS);
  }

  // --- helpers ----------------------------------------------------------------------------

  /**
   * Enqueues {@code count} emails from four threads, as concurrent requests of a host would, so the
   * database's commits overlap; returns their Message-IDs.
   */
  private Set<String> enqueue(int count) throws Exception {
    ExecutorService requests = Executors.newFixedThreadPool(4);
    try {
      List<Future<EnqueueResult>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        QuoteEmail email = OutboxMailers.email(i);
        results.add(requests.submit(() -> mailer.enqueue(email)));
      }
      Set<String> messageIds = new HashSet<>();
      for (Future<EnqueueResult> result : results) {
        messageIds.add(result.get(1, TimeUnit.MINUTES).messageId());
      }
      assertThat(messageIds).hasSize(count);
      return messageIds;
    } finally {
      requests.shutdownNow();
    }
  }

  /** Starts {@link WorkerMain} in a new JVM on this JVM's class path (also a manifest-only jar). */
  private Process startWorkerJvm(String owner, Duration lease) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            // A short run on a small machine: quick start-up beats peak speed.
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            WorkerMain.class.getName(),
            database.jdbcUrl(),
            String.valueOf(greenMail.getSmtp().getPort()),
            "2",
            owner,
            String.valueOf(lease.toMillis()));
    Process node =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(owner + ".log").toFile())
            .start();
    nodes.add(node);
    return node;
  }

  private void awaitSuccessfulExit(Process node, String owner) throws Exception {
    boolean exited = node.waitFor(JVM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(exited)
        .as("%s exits within %s; its log:%n%s", owner, JVM_TIMEOUT, log(owner))
        .isTrue();
    assertThat(node.exitValue()).as("%s's exit code; its log:%n%s", owner, log(owner)).isZero();
  }

  /** The number the node printed at its end as {@code delivered=N}. */
  private int delivered(String owner) throws IOException {
    Matcher m = DELIVERED.matcher(log(owner));
    assertThat(m.find()).as("%s reports its deliveries", owner).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** The last lines of a node's output. */
  private String log(String owner) throws IOException {
    List<String> lines = Files.readAllLines(logs.resolve(owner + ".log"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int arrivals() {
    return greenMail.getReceivedMessages().length;
  }

  private static List<String> arrivedMessageIds() throws MessagingException {
    List<String> ids = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      ids.add(message.getMessageID());
    }
    return ids;
  }

  private List<String> messageIdsLeasedTo(String owner) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = database.newDataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select message_id from qm_outbox where state = 'PENDING' and lease_owner = ?")) {
      s.setString(1, owner);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }
}
