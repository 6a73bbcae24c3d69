package io.github.quotemailer.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures how soon the browser demo answers: the time from starting {@code java -jar
 * quotemailer.jar demo} as a new process to the first {@code 200} of {@code GET /login}, on a fresh
 * data directory (which is seeded on that start) and on a restart of the same directory.
 *
 * <p>Run after {@code ./mvnw -B -q package -DskipTests}, with nothing else running: {@code java -cp
 * benchmarks/target/benchmarks.jar io.github.quotemailer.benchmarks.DemoStartupBenchmark
 * [examples/target/quotemailer.jar] [rounds, default 5]}. It prints a Markdown section.
 */
public final class DemoStartupBenchmark {
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private DemoStartupBenchmark() {}

  /** Runs the rounds and prints the report. */
  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "examples/target/quotemailer.jar");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " not found: build it first");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    List<Double> first = new ArrayList<>();
    List<Double> restart = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      Path data = Files.createTempDirectory("quotemailer-demo-startup-");
      try {
        first.add(timeToFirstAnswer(java, jar, data, http));
        restart.add(timeToFirstAnswer(java, jar, data, http));
      } finally {
        delete(data);
      }
      System.err.printf(
          Locale.ROOT,
          "round %d: first start %.0f ms, restart %.0f ms%n",
          round,
          first.get(round - 1),
          restart.get(round - 1));
    }
    System.out.println("## Demo start-up");
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "`java -jar %s demo`, %d rounds on %d cores (%s %s): time from starting the process to"
            + " the first `200` of `GET /login`.%n%n",
        jar,
        rounds,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    System.out.println("| start | median | min | max |");
    System.out.println("|---|---:|---:|---:|");
    row("first start (fresh data directory, seeded)", first);
    row("restart (same data directory)", restart);
  }

  private static double timeToFirstAnswer(String java, Path jar, Path data, HttpClient http)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "demo",
                "--port",
                String.valueOf(port),
                "--data",
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("demo-output.txt").toFile());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
            .timeout(Duration.ofSeconds(30))
            .build();
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      while (System.nanoTime() - started < GIVE_UP.toNanos()) {
        try {
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - started) / 1e6;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the demo exited: " + Files.readString(data.resolve("demo-output.txt")));
        }
        Thread.sleep(10);
      }
      throw new IllegalStateException("no answer within " + GIVE_UP);
    } finally {
      process.destroy(); // SIGTERM: the demo's shutdown hook closes the database
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static void row(String label, List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    sorted.sort(Comparator.naturalOrder());
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f s | %.2f s | %.2f s |%n",
        label,
        sorted.get(sorted.size() / 2) / 1000,
        sorted.get(0) / 1000,
        sorted.get(sorted.size() - 1) / 1000);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (File f : walk.sorted(Comparator.reverseOrder()).map(Path::toFile).toList()) {
        if (!f.delete()) {
          f.deleteOnExit();
        }
      }
    }
  }
}
