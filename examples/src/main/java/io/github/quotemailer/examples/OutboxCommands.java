package io.github.quotemailer.examples;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.Outbox;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.outbox.OutboxStatus;
import io.github.quotemailer.quote.Quote;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Commands for the durable outbox: enqueue, run a worker, inspect and repair. */
final class OutboxCommands {
  private OutboxCommands() {}

  /** Enqueues one quote file, or every {@code *.json} of a folder, in one run. */
  @Command(
      name = "enqueue",
      mixinStandardHelpOptions = true,
      description = "Render and enqueue quotes (a file or a folder of them); a worker sends them.")
  static final class Enqueue implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(
        names = "--quote",
        required = true,
        paramLabel = "PATH",
        description = "File or folder.")
    Path path;

    @Option(names = "--to", required = true, paramLabel = "ADDR", description = "Recipient.")
    String to;

    @Override
    public Integer call() throws IOException {
      DemoConfig cfg = config.load(spec);
      List<Path> files = quoteFiles(path);
      JdbcStores stores = cfg.stores();
      PrintWriter out = spec.commandLine().getOut();
      try (QuoteMailer mailer = cfg.mailer(stores)) {
        for (Path file : files) {
          Quote quote = QuoteJson.read(file);
          EnqueueResult result = mailer.enqueue(QuoteEmail.of(quote, to));
          out.printf(
              "quote=%s id=%s %s messageId=%s%n",
              quote.number(),
              result.id(),
              result.created() ? "new" : "duplicate",
              result.messageId());
        }
      }
      return 0;
    }

    private static List<Path> quoteFiles(Path path) throws IOException {
      if (Files.isRegularFile(path)) {
        return List.of(path);
      }
      if (!Files.isDirectory(path)) {
        throw new InvalidInputException("--quote", path + " is neither a file nor a folder");
      }
      try (Stream<Path> listing = Files.list(path)) {
        List<Path> files =
            listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        if (files.isEmpty()) {
          throw new InvalidInputException("--quote", path + " holds no .json files");
        }
        return files;
      }
    }
  }

  /** Runs a worker on the configured outbox. */
  @Command(
      name = "worker",
      mixinStandardHelpOptions = true,
      description = "Send queued quotes; with --until-idle, exit once nothing is due or leased.")
  static final class Worker implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--threads", description = "Sending threads (default: ${DEFAULT-VALUE}).")
    int threads = DeliveryWorker.DEFAULT_THREADS;

    @Option(
        names = "--until-idle",
        description = "Exit when nothing is due, in flight, or leased by another worker.")
    boolean untilIdle;

    @Override
    public Integer call() throws InterruptedException {
      DemoConfig cfg = config.load(spec);
      JdbcStores stores = cfg.stores();
      try (QuoteMailer mailer = cfg.mailer(stores)) {
        DeliveryWorker worker = cfg.worker(mailer).threads(threads).build();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("worker=%s threads=%d started%n", worker.owner(), threads);
        out.flush();
        if (untilIdle) {
          worker.runUntilIdle();
          worker.shutdown(Duration.ofSeconds(30));
        } else {
          CountDownLatch stopped = new CountDownLatch(1);
          Runtime.getRuntime()
              .addShutdownHook(
                  new Thread(
                      () -> {
                        worker.shutdown(Duration.ofSeconds(30));
                        stopped.countDown();
                      }));
          worker.start();
          stopped.await();
        }
        OutboxStatus status = stores.outbox().status(Instant.now());
        out.printf(
            "worker=%s stopped sent=%d pending=%d dead=%d%n",
            worker.owner(),
            status.count(OutboxState.SENT),
            status.count(OutboxState.PENDING),
            status.count(OutboxState.DEAD));
      }
      return 0;
    }
  }

  /** Outbox inspection and repair. */
  @Command(
      name = "outbox",
      description = "Inspect and repair the outbox.",
      subcommands = {Status.class, RetryDead.class, Purge.class})
  static final class Group {}

  /**
   * Counts by state, the oldest due entry, and the entries waiting on a sending limit with the time
   * the next of them goes.
   */
  @Command(name = "status", mixinStandardHelpOptions = true, description = "Counts by state.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Override
    public Integer call() {
      Outbox outbox = config.load(spec).stores().outbox();
      OutboxStatus status = outbox.status(Instant.now());
      PrintWriter out = spec.commandLine().getOut();
      for (OutboxState state : OutboxState.values()) {
        out.printf("%-16s %d%n", state, status.count(state));
      }
      out.printf("%-16s %d%n", "due", status.due());
      out.printf("%-16s %d%n", "leased", status.leased());
      out.printf("%-16s %s%n", "oldest due", status.oldestDue().map(Object::toString).orElse("-"));
      out.printf("%-16s %d%n", "deferred", status.deferred());
      out.printf(
          "%-16s %s%n", "next deferred", status.nextDeferred().map(Object::toString).orElse("-"));
      return 0;
    }
  }

  /** Makes dead entries due again. */
  @Command(
      name = "retry-dead",
      mixinStandardHelpOptions = true,
      description = "Make every dead-lettered quote due again.")
  static final class RetryDead implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Override
    public Integer call() {
      int revived = config.load(spec).stores().outbox().retryDead(Instant.now());
      spec.commandLine().getOut().printf("revived=%d%n", revived);
      return 0;
    }
  }

  /** Deletes old sent and dead entries. */
  @Command(
      name = "purge",
      mixinStandardHelpOptions = true,
      description = "Delete sent and dead entries enqueued more than DAYS days ago.")
  static final class Purge implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--older-than", required = true, paramLabel = "DAYS", description = "Age.")
    int days;

    @Override
    public Integer call() {
      if (days < 0) {
        throw new InvalidInputException("--older-than", days + " must not be negative");
      }
      int purged =
          config.load(spec).stores().outbox().purge(Instant.now().minus(Duration.ofDays(days)));
      spec.commandLine().getOut().printf("purged=%d%n", purged);
      return 0;
    }
  }
}
