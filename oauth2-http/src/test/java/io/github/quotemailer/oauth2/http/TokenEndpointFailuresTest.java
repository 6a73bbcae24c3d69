package io.github.quotemailer.oauth2.http;

import static io.github.quotemailer.oauth2.http.Grants.confidentialGrant;
import static io.github.quotemailer.oauth2.http.Grants.provider;
import static io.github.quotemailer.oauth2.http.Grants.tokens;
import static io.github.quotemailer.oauth2.http.LoopbackTokenEndpoint.json;
import static io.github.quotemailer.oauth2.http.LoopbackTokenEndpoint.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenException.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every way of getting no usable answer is {@link Kind#UNAVAILABLE}, so the mailer retries and then
 * sends from the company account instead of marking the mailbox's grant as bad.
 */
class TokenEndpointFailuresTest {
  @RegisterExtension final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

  @Test
  void aRefusedConnectionIsUnavailable() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/token");
    }

    TokenException e = refreshFails(provider(), closed);

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.error()).isEmpty();
    assertThat(e).hasMessageStartingWith("127.0.0.1:").hasMessageContaining("could not connect");
  }

  @Test
  void anEndpointSlowerThanTheTimeoutIsUnavailable() {
    endpoint.answer(json(200, tokens("")).withDelay(Duration.ofSeconds(10)));

    long started = System.nanoTime();
    TokenException e = refreshFails(provider(Duration.ofMillis(300)), endpoint.tokenUri());

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e).hasMessageContaining("no answer within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anAnswerDeclaredLongerThanTheLimitIsRefused() {
    endpoint.answer(json(200, oversizedTokens()));

    TokenException e = refreshFails(provider(), endpoint.tokenUri());

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e).hasMessageContaining("longer than 65536 bytes");
  }

  @Test
  void anUndeclaredAnswerLongerThanTheLimitIsRefused() {
    endpoint.answer(json(200, oversizedTokens()).withoutContentLength());

    TokenException e = refreshFails(provider(), endpoint.tokenUri());

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e).hasMessageContaining("longer than 65536 bytes");
  }

  @Test
  void anAnswerJustUnderTheLimitIsRead() {
    String padding = "x".repeat(HttpTokenProvider.MAX_RESPONSE_BYTES - 200);
    endpoint.answer(json(200, tokens("\"padding\":\"" + padding + "\"")).withoutContentLength());

    assertThat(provider().refresh(confidentialGrant(endpoint.tokenUri())).expiresIn())
        .isEqualTo(HttpTokenProvider.DEFAULT_EXPIRES_IN);
  }

  @Test
  void aRedirectIsNotFollowed() {
    endpoint.answer(redirect(endpoint.uri("/elsewhere")), json(200, tokens("")));

    TokenException e = refreshFails(provider(), endpoint.tokenUri());

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e).hasMessageContaining("answered HTTP 302 without an OAuth2 error");
    assertThat(endpoint.requests()).hasSize(1);
  }

  @Test
  void aHostClientThatFollowsRedirectsIsRefused() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> HttpTokenProvider.builder().httpClient(following).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("httpClient")
        .hasMessageContaining("must not follow redirects");
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> HttpTokenProvider.builder().requestTimeout(Duration.ZERO).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("requestTimeout");
  }

  private static String oversizedTokens() {
    return tokens("\"padding\":\"" + "x".repeat(HttpTokenProvider.MAX_RESPONSE_BYTES) + "\"");
  }

  private static TokenException refreshFails(HttpTokenProvider provider, URI tokenEndpoint) {
    TokenException e =
        catchThrowableOfType(
            TokenException.class, () -> provider.refresh(confidentialGrant(tokenEndpoint)));
    assertThat(e).as("the refresh fails").isNotNull();
    assertThat(e.getMessage())
        .doesNotContain(Grants.REFRESH_TOKEN.reveal())
        .doesNotContain(Grants.CLIENT_SECRET.reveal());
    return e;
  }
}
