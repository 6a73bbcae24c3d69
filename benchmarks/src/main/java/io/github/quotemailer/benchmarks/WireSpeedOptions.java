package io.github.quotemailer.benchmarks;

import java.util.Locale;
import java.util.Optional;

/**
 * The knobs of a {@link WireSpeedBenchmark} run, read from system properties ({@code
 * -Dwire.rounds=5}), each with a default sized so a whole run takes about seven minutes on two
 * cores; and the optional output file, the first program argument.
 *
 * @param rounds measured rounds of sending and of rendering
 * @param messages messages per side and sending round
 * @param warmUpMessages messages per side in the unmeasured sending round
 * @param documents documents per side and rendering round
 * @param warmUpDocuments documents per side in the unmeasured rendering round
 * @param enqueueCalls measured {@code enqueue} calls per renderer and database
 * @param enqueueWarmUp unmeasured {@code enqueue} calls per renderer and database first
 * @param postgresUrl the PostgreSQL JDBC URL, credentials included
 * @param outputFile where the report goes besides standard output
 */
record WireSpeedOptions(
    int rounds,
    int messages,
    int warmUpMessages,
    int documents,
    int warmUpDocuments,
    int enqueueCalls,
    int enqueueWarmUp,
    String postgresUrl,
    Optional<String> outputFile) {

  /** Five rounds: enough for a median and a spread that shows a disturbed round. */
  static final int DEFAULT_ROUNDS = 5;

  /**
   * 200 messages: about a second for the fastest side, and under ten seconds for a side that waits
   * on the TCP acknowledgement after each message.
   */
  static final int DEFAULT_MESSAGES = 200;

  /** 50 messages per side: connections opened, JIT past the first compilations. */
  static final int DEFAULT_WARM_UP_MESSAGES = 50;

  /** 200 documents: one to three seconds of rendering per side and round. */
  static final int DEFAULT_DOCUMENTS = 200;

  /** 200 documents per side before the rendering rounds. */
  static final int DEFAULT_WARM_UP_DOCUMENTS = 200;

  /** 2,000 calls leave 20 above p99, as DeliveryBenchmark measures. */
  static final int DEFAULT_ENQUEUE_CALLS = DeliveryBenchmark.ENQUEUES;

  /** Unmeasured calls first, as DeliveryBenchmark warms up. */
  static final int DEFAULT_ENQUEUE_WARM_UP = DeliveryBenchmark.ENQUEUE_WARMUP;

  static final String ROUNDS = "wire.rounds";
  static final String MESSAGES = "wire.messages";
  static final String WARM_UP_MESSAGES = "wire.warmUpMessages";
  static final String DOCUMENTS = "wire.documents";
  static final String WARM_UP_DOCUMENTS = "wire.warmUpDocuments";
  static final String ENQUEUE_CALLS = "wire.enqueueCalls";
  static final String ENQUEUE_WARM_UP = "wire.enqueueWarmUp";

  WireSpeedOptions {
    positive(ROUNDS, rounds);
    positive(MESSAGES, messages);
    positive(WARM_UP_MESSAGES, warmUpMessages);
    positive(DOCUMENTS, documents);
    positive(WARM_UP_DOCUMENTS, warmUpDocuments);
    positive(ENQUEUE_CALLS, enqueueCalls);
    positive(ENQUEUE_WARM_UP, enqueueWarmUp);
  }

  /** The options of this JVM's system properties, the PostgreSQL variable and {@code args}. */
  static WireSpeedOptions from(String[] args) {
    return new WireSpeedOptions(
        Integer.getInteger(ROUNDS, DEFAULT_ROUNDS),
        Integer.getInteger(MESSAGES, DEFAULT_MESSAGES),
        Integer.getInteger(WARM_UP_MESSAGES, DEFAULT_WARM_UP_MESSAGES),
        Integer.getInteger(DOCUMENTS, DEFAULT_DOCUMENTS),
        Integer.getInteger(WARM_UP_DOCUMENTS, DEFAULT_WARM_UP_DOCUMENTS),
        Integer.getInteger(ENQUEUE_CALLS, DEFAULT_ENQUEUE_CALLS),
        Integer.getInteger(ENQUEUE_WARM_UP, DEFAULT_ENQUEUE_WARM_UP),
        Optional.ofNullable(System.getenv(DeliveryBenchmark.POSTGRES_URL_VARIABLE))
            .filter(url -> !url.isBlank())
            .orElse(DeliveryBenchmark.DEFAULT_POSTGRES_URL),
        args.length > 0 ? Optional.of(args[0]) : Optional.empty());
  }

  /**
   * The command that repeats this run from the repository root, every option spelled out (a
   * password in the PostgreSQL URL masked).
   */
  String command() {
    String postgres =
        postgresUrl.equals(DeliveryBenchmark.DEFAULT_POSTGRES_URL)
            ? ""
            : DeliveryBenchmark.POSTGRES_URL_VARIABLE + "='" + withoutPassword(postgresUrl) + "' ";
    return String.format(
        Locale.ROOT,
        "%sjava -D%s=%d -D%s=%d -D%s=%d -D%s=%d -D%s=%d -D%s=%d -D%s=%d"
            + " -cp benchmarks/target/benchmarks.jar %s%s",
        postgres,
        ROUNDS,
        rounds,
        MESSAGES,
        messages,
        WARM_UP_MESSAGES,
        warmUpMessages,
        DOCUMENTS,
        documents,
        WARM_UP_DOCUMENTS,
        warmUpDocuments,
        ENQUEUE_CALLS,
        enqueueCalls,
        ENQUEUE_WARM_UP,
        enqueueWarmUp,
        WireSpeedBenchmark.class.getName(),
        outputFile.map(file -> " " + file).orElse(""));
  }

  /** {@code url} with the value of a {@code password=} parameter replaced by asterisks. */
  static String withoutPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("-D" + name + " must be at least 1, not " + value);
    }
  }
}
