package io.github.quotemailer.oauth2.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A token endpoint on loopback for the refresh-token grant. Refresh tokens read {@code
 * <mailbox>|rt-<n>}; each grant issues {@code <mailbox>|at-<n>} and hands it to a callback (the
 * test registers it as the mailbox's password in GreenMail, whose XOAUTH2 checks the token against
 * it), rotates the refresh token when asked, or refuses the grant as revoked.
 */
final class LocalTokenEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final BiConsumer<String, String> issued;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  volatile long expiresInSeconds = 3600;
  volatile boolean rotate;
  volatile boolean revoked;
  volatile long delayMillis;

  /** Starts on 127.0.0.1; {@code issued} gets (mailbox, access token) for every token issued. */
  LocalTokenEndpoint(BiConsumer<String, String> issued) throws IOException {
    this.issued = issued;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** Every form received, in order. */
  List<Map<String, String>> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(form);
    pause();
    String refreshToken = form.getOrDefault("refresh_token", "");
    String mailbox = refreshToken.split("\\|", 2)[0];
    if (revoked) {
      respond(
          exchange,
          400,
          "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: The provided"
              + " authorization code or refresh token has expired due to inactivity.\","
              + "\"error_codes\":[70008]}");
      return;
    }
    int n = counter.incrementAndGet();
    String accessToken = mailbox + "|at-" + n;
    issued.accept(mailbox, accessToken);
    String rotated = rotate ? ",\"refresh_token\":\"" + mailbox + "|rt-" + n + "\"" : "";
    respond(
        exchange,
        200,
        "{\"token_type\":\"Bearer\",\"access_token\":\""
            + accessToken
            + "\",\"expires_in\":"
            + expiresInSeconds
            + rotated
            + "}");
  }

  private void pause() {
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> parse(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        form.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
