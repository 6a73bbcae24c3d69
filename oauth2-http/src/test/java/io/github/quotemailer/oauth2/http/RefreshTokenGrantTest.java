package io.github.quotemailer.oauth2.http;

import static io.github.quotemailer.oauth2.http.Grants.ACCESS_TOKEN;
import static io.github.quotemailer.oauth2.http.Grants.CLIENT_ID;
import static io.github.quotemailer.oauth2.http.Grants.CLIENT_SECRET;
import static io.github.quotemailer.oauth2.http.Grants.REFRESH_TOKEN;
import static io.github.quotemailer.oauth2.http.Grants.confidentialGrant;
import static io.github.quotemailer.oauth2.http.Grants.provider;
import static io.github.quotemailer.oauth2.http.Grants.publicGrant;
import static io.github.quotemailer.oauth2.http.Grants.tokens;
import static io.github.quotemailer.oauth2.http.LoopbackTokenEndpoint.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenResponse;
import io.github.quotemailer.smtp.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The refresh-token grant: what is sent, and how a successful answer is read. */
class RefreshTokenGrantTest {
  @RegisterExtension final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

  @Test
  void postsTheGrantAsAFormWithoutAClientSecretForAPublicClient() {
    endpoint.answer(json(200, tokens("\"expires_in\":3599")));

    provider().refresh(publicGrant(endpoint.tokenUri()));

    LoopbackTokenEndpoint.Request request = endpoint.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(LoopbackTokenEndpoint.TOKEN_PATH);
    assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.form())
        .containsExactly(
            entry("grant_type", "refresh_token"),
            entry("refresh_token", REFRESH_TOKEN.reveal()),
            entry("client_id", CLIENT_ID),
            entry("scope", "https://outlook.office.com/SMTP.Send offline_access"));
  }

  @Test
  void sendsTheClientSecretOfAConfidentialClient() {
    endpoint.answer(json(200, tokens("\"expires_in\":3599")));

    provider().refresh(confidentialGrant(endpoint.tokenUri()));

    assertThat(endpoint.onlyRequest().form())
        .containsEntry("client_secret", CLIENT_SECRET.reveal());
  }

  @Test
  void encodesEveryReservedCharacterOfTheValues() {
    endpoint.answer(json(200, tokens("\"expires_in\":3599")));

    provider().refresh(confidentialGrant(endpoint.tokenUri()));

    // Raw '&', '=', '+', ' ' or '/' in a value would split or change it on the server's side.
    assertThat(endpoint.onlyRequest().body())
        .contains("refresh_token=0.AXoA+refresh%2Btoken%2Fwith%3Dspecial%26chars%25%7E%C3%B1")
        .contains("client_secret=cl1ent%7Esecret%26with%3Dreserved%2Bchars")
        .contains("scope=https%3A%2F%2Foutlook.office.com%2FSMTP.Send+offline_access");
  }

  @Test
  void returnsTheAccessTokenAndItsLifetimeWithoutRotation() {
    endpoint.answer(json(200, tokens("\"expires_in\":3599,\"ext_expires_in\":3599")));

    TokenResponse response = provider().refresh(publicGrant(endpoint.tokenUri()));

    assertThat(response.accessToken()).isEqualTo(Secret.of(ACCESS_TOKEN));
    assertThat(response.expiresIn()).isEqualTo(Duration.ofSeconds(3599));
    assertThat(response.refreshToken()).isEmpty();
  }

  @Test
  void returnsANewRefreshTokenAsARotation() {
    endpoint.answer(json(200, tokens("\"expires_in\":3599,\"refresh_token\":\"0.AXoA rotated\"")));

    TokenResponse response = provider().refresh(publicGrant(endpoint.tokenUri()));

    assertThat(response.refreshToken()).contains(Secret.of("0.AXoA rotated"));
  }

  @Test
  void takesTheSameRefreshTokenSentBackAsNoRotation() {
    String same = REFRESH_TOKEN.reveal().replace("/", "\\/");
    endpoint.answer(json(200, tokens("\"expires_in\":3599,\"refresh_token\":\"" + same + "\"")));

    TokenResponse response = provider().refresh(publicGrant(endpoint.tokenUri()));

    assertThat(response.refreshToken()).isEmpty();
  }

  @Test
  void assumesAnHourWhenTheAnswerHasNoExpiresIn() {
    endpoint.answer(json(200, tokens("")));

    TokenResponse response = provider().refresh(publicGrant(endpoint.tokenUri()));

    assertThat(response.expiresIn())
        .isEqualTo(HttpTokenProvider.DEFAULT_EXPIRES_IN)
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void readsAnExpiresInSentAsAString() {
    endpoint.answer(json(200, tokens("\"expires_in\":\"3599\"")));

    assertThat(provider().refresh(publicGrant(endpoint.tokenUri())).expiresIn())
        .isEqualTo(Duration.ofSeconds(3599));
  }

  @Test
  void cutsAnImplausiblyLongLifetimeToADay() {
    endpoint.answer(json(200, tokens("\"expires_in\":9999999999")));

    assertThat(provider().refresh(publicGrant(endpoint.tokenUri())).expiresIn())
        .isEqualTo(HttpTokenProvider.MAX_EXPIRES_IN);
  }

  @Test
  void acceptsTheTokenTypeInAnyCase() {
    endpoint.answer(json(200, tokens("\"expires_in\":3599").replace("Bearer", "bearer")));

    assertThat(provider().refresh(publicGrant(endpoint.tokenUri())).accessToken())
        .isEqualTo(Secret.of(ACCESS_TOKEN));
  }

  @Test
  void refusesATokenThatIsNotABearerToken() {
    endpoint.answer(json(200, tokens("\"expires_in\":3599").replace("Bearer", "mac")));

    assertThatThrownBy(() -> provider().refresh(publicGrant(endpoint.tokenUri())))
        .isInstanceOfSatisfying(
            TokenException.class,
            e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.CLIENT_REJECTED))
        .hasMessageContaining("type 'mac', not Bearer");
  }

  @Test
  void takesAnAnswerWithoutAnAccessTokenAsUnavailable() {
    endpoint.answer(json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599}"));

    assertThatThrownBy(() -> provider().refresh(publicGrant(endpoint.tokenUri())))
        .isInstanceOfSatisfying(
            TokenException.class,
            e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.UNAVAILABLE))
        .hasMessageContaining("answered HTTP 200 but it holds no access_token");
  }

  @Test
  void takesAnUnreadableLifetimeAsUnavailable() {
    endpoint.answer(json(200, tokens("\"expires_in\":\"an hour\"")));

    assertThatThrownBy(() -> provider().refresh(publicGrant(endpoint.tokenUri())))
        .isInstanceOfSatisfying(
            TokenException.class,
            e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.UNAVAILABLE))
        .hasMessageContaining("expires_in is not a whole number of seconds");
  }
}
