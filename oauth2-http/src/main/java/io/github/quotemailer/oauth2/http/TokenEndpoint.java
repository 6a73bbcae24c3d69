package io.github.quotemailer.oauth2.http;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenException.Kind;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * POSTs forms to token and device authorization endpoints and reads their bounded answers. Every
 * way of getting no answer (refused connection, timeout, TLS failure, an answer too long) is a
 * {@link Kind#UNAVAILABLE} {@link TokenException} naming the host, never the request.
 */
final class TokenEndpoint {
  private final Supplier<HttpClient> clients;
  private final Duration requestTimeout;
  private @Nullable HttpClient client; // guarded by this

  private TokenEndpoint(Supplier<HttpClient> clients, Duration requestTimeout) {
    this.clients = clients;
    this.requestTimeout = requestTimeout;
  }

  /**
   * An endpoint client on {@code client}, or on a default one made at the first request (null), so
   * a mailer that never logs in with OAuth2 starts no HTTP threads.
   *
   * @throws ConfigurationException when {@code client} follows redirects or the timeout is not
   *     positive
   */
  static TokenEndpoint of(@Nullable HttpClient client, Duration requestTimeout) {
    if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new ConfigurationException("requestTimeout", "must be positive");
    }
    if (client == null) {
      return new TokenEndpoint(TokenEndpoint::defaultClient, requestTimeout);
    }
    if (client.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new ConfigurationException(
          "httpClient",
          "must not follow redirects (HttpClient.Redirect.NEVER): token endpoints do not"
              + " redirect, and a redirect would send the request's tokens elsewhere");
    }
    return new TokenEndpoint(() -> client, requestTimeout);
  }

  /** POSTs {@code form} to {@code endpoint}: the answer, whatever its status. */
  Reply post(URI endpoint, Form form) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form.encoded(), StandardCharsets.UTF_8))
            .build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        client().sendAsync(request, BoundedBody.handler(HttpTokenProvider.MAX_RESPONSE_BYTES));
    try {
      // The request timeout covers the headers only; this bounds the body as well.
      HttpResponse<byte[]> response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return Reply.of(endpoint, response.statusCode(), response.body(), form.secrets());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw unavailable(endpoint, form, "no answer within " + seconds(requestTimeout), e);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw unavailable(endpoint, form, "interrupted while waiting for the answer", e);
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      throw unavailable(endpoint, form, describe(cause), cause);
    }
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = clients.get();
    }
    return client;
  }

  private String describe(Throwable failure) {
    if (failure instanceof HttpConnectTimeoutException) {
      return "could not connect in time";
    }
    if (failure instanceof HttpTimeoutException) {
      return "no answer within " + seconds(requestTimeout);
    }
    if (failure instanceof ConnectException) {
      return "could not connect (connection refused or unreachable)";
    }
    if (failure instanceof BoundedBody.TooLarge || failure instanceof SSLException) {
      return failure.getMessage();
    }
    return failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }

  private static TokenException unavailable(URI endpoint, Form form, String what, Throwable cause) {
    String message = ServerText.redact(Reply.where(endpoint) + ": " + what, form.secrets());
    return new TokenException(Kind.UNAVAILABLE, "", message, cause);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  private static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .connectTimeout(HttpTokenProvider.DEFAULT_CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }
}
