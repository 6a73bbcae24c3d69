package io.github.quotemailer.oauth2.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A token endpoint on 127.0.0.1 that answers from a script and records what it was sent, over a
 * real socket through the JDK's HTTP server. Register it with {@code @RegisterExtension}; each test
 * gets a fresh port and script.
 */
final class LoopbackTokenEndpoint implements BeforeEachCallback, AfterEachCallback {
  /** The token endpoint's path. */
  static final String TOKEN_PATH = "/oauth2/v2.0/token";

  /** The device authorization endpoint's path. */
  static final String DEVICE_PATH = "/oauth2/v2.0/devicecode";

  private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private HttpServer server;
  private ExecutorService handlers;

  /** One scripted answer; {@code chunked} sends no Content-Length. */
  record Answer(
      int status, String body, Map<String, String> headers, Duration delay, boolean chunked) {
    Answer withDelay(Duration delay) {
      return new Answer(status, body, headers, delay, chunked);
    }

    Answer withoutContentLength() {
      return new Answer(status, body, headers, delay, true);
    }
  }

  /** A request as received: its path, content type and form fields. */
  record Request(String method, String path, String contentType, String body) {
    /** The decoded form fields, in the order sent. */
    Map<String, String> form() {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
      return fields;
    }

    private static String decode(String value) {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
  }

  /** A JSON answer with {@code status}. */
  static Answer json(int status, String body) {
    return new Answer(
        status, body, Map.of("Content-Type", "application/json"), Duration.ZERO, false);
  }

  /** An answer with {@code contentType}. */
  static Answer text(int status, String contentType, String body) {
    return new Answer(status, body, Map.of("Content-Type", contentType), Duration.ZERO, false);
  }

  /** A redirect to {@code location}, which a token client must not follow. */
  static Answer redirect(URI location) {
    return new Answer(302, "", Map.of("Location", location.toString()), Duration.ZERO, false);
  }

  /** Queues {@code answers}, one per request in order. */
  void answer(Answer... answers) {
    script.addAll(List.of(answers));
  }

  /** The token endpoint's URI on this server. */
  URI tokenUri() {
    return uri(TOKEN_PATH);
  }

  /** The device authorization endpoint's URI on this server. */
  URI deviceUri() {
    return uri(DEVICE_PATH);
  }

  /** A URI on this server. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** The requests received so far. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The only request received. */
  Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, received " + requests.size());
    }
    return requests.get(0);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    handlers = Executors.newCachedThreadPool();
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closing.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body));
      Answer answer = script.poll();
      if (answer == null) {
        answer = text(500, "text/plain", "no scripted answer left");
      }
      if (!answer.delay().isZero() && waitOrClose(answer.delay())) {
        return;
      }
      send(exchange, answer);
    }
  }

  /** Waits out a scripted delay; true when the server closed meanwhile. */
  private boolean waitOrClose(Duration delay) {
    try {
      return closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    // For the JDK's server, 0 means chunked and -1 means no body at all.
    long length = answer.chunked() ? 0 : bytes.length == 0 ? -1 : bytes.length;
    exchange.sendResponseHeaders(answer.status(), length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // The client stopped reading (an answer it refused as too long): nothing left to do.
    }
  }
}
