package io.github.quotemailer.oauth2.http;

import static io.github.quotemailer.oauth2.http.Grants.CLIENT_SECRET;
import static io.github.quotemailer.oauth2.http.Grants.REFRESH_TOKEN;
import static io.github.quotemailer.oauth2.http.Grants.confidentialGrant;
import static io.github.quotemailer.oauth2.http.Grants.provider;
import static io.github.quotemailer.oauth2.http.LoopbackTokenEndpoint.json;
import static io.github.quotemailer.oauth2.http.LoopbackTokenEndpoint.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each refusal becomes the kind the mailer acts on, read from the {@code error} field; the message
 * keeps the provider's explanation and codes but never a token or the client secret.
 */
class TokenErrorMappingTest {
  /** Microsoft's answer for a refresh token unused for too long, as its v2.0 endpoint sends it. */
  static final String MICROSOFT_EXPIRED =
      "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: The provided"
          + " authorization code or refresh token has expired due to inactivity.\\r\\nTrace ID:"
          + " 0b4f1c2e-0000-4000-8000-5e1f2a3b4c5d\\r\\nCorrelation ID:"
          + " 6a7b8c9d-0000-4000-8000-0e1f2a3b4c5d\\r\\nTimestamp: 2026-12-05 01:54:16Z\","
          + "\"error_codes\":[70008],\"timestamp\":\"2026-12-05 01:54:16Z\","
          + "\"trace_id\":\"0b4f1c2e-0000-4000-8000-5e1f2a3b4c5d\","
          + "\"error_uri\":\"https://login.microsoftonline.com/error?code=70008\"}";

  @RegisterExtension final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

  @Test
  void microsoftsExpiredRefreshTokenIsRevokedWithItsCodes() {
    endpoint.answer(json(400, MICROSOFT_EXPIRED));

    TokenException e = refreshFails();

    assertThat(e.kind()).isEqualTo(Kind.REVOKED);
    assertThat(e.error()).isEqualTo("invalid_grant");
    assertThat(e)
        .hasMessage(
            "invalid_grant: AADSTS70008: The provided authorization code or refresh token has"
                + " expired due to inactivity. [codes: 70008]");
  }

  @Test
  void googlesRevokedTokenIsRevoked() {
    endpoint.answer(
        json(
            400,
            "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or"
                + " revoked.\"}"));

    TokenException e = refreshFails();

    assertThat(e.kind()).isEqualTo(Kind.REVOKED);
    assertThat(e).hasMessage("invalid_grant: Token has been expired or revoked.");
  }

  @Test
  void aRejectedClientSecretRejectsTheClient() {
    endpoint.answer(
        json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client"
                + " secret provided.\",\"error_codes\":[7000215]}"));

    TokenException e = refreshFails();

    assertThat(e.kind()).isEqualTo(Kind.CLIENT_REJECTED);
    assertThat(e)
        .hasMessage(
            "invalid_client: AADSTS7000215: Invalid client secret provided. [codes: 7000215]");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "invalid_grant, REVOKED",
    "invalid_client, CLIENT_REJECTED",
    "unauthorized_client, CLIENT_REJECTED",
    "invalid_scope, CLIENT_REJECTED",
    "unsupported_grant_type, CLIENT_REJECTED",
    "invalid_request, CLIENT_REJECTED",
    "interaction_required, CLIENT_REJECTED",
    "temporarily_unavailable, UNAVAILABLE",
    "server_error, UNAVAILABLE"
  })
  void theErrorFieldDecidesTheKind(String error, Kind kind) {
    // A description that reads like another error must not sway the classification.
    endpoint.answer(
        json(400, "{\"error\":\"" + error + "\",\"error_description\":\"invalid_grant revoked\"}"));

    TokenException e = refreshFails();

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.error()).isEqualTo(error);
  }

  @Test
  void aServerErrorIsUnavailable() {
    endpoint.answer(text(500, "text/html", "<html><body>Internal Server Error</body></html>"));

    TokenException e = refreshFails();

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e).hasMessageEndingWith("answered HTTP 500)");
  }

  @Test
  void aTemporarilyUnavailableServiceIsUnavailable() {
    endpoint.answer(
        json(
            503,
            "{\"error\":\"temporarily_unavailable\",\"error_description\":\"AADSTS90033: A"
                + " transient error has occurred. Please try again.\",\"error_codes\":[90033]}"));

    TokenException e = refreshFails();

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.error()).isEqualTo("temporarily_unavailable");
    assertThat(e)
        .hasMessageStartingWith(
            "temporarily_unavailable: AADSTS90033: A transient error has occurred. Please try"
                + " again. [codes: 90033] (127.0.0.1:");
  }

  @Test
  void tooManyRequestsIsUnavailableWhateverTheBodySays() {
    endpoint.answer(json(429, "{\"error\":\"invalid_grant\"}"));

    assertThat(refreshFails().kind()).isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void aBodyThatIsNotJsonIsUnavailable() {
    endpoint.answer(text(200, "text/html", "<html><body>Sign in</body></html>"));

    TokenException e = refreshFails();

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e).hasMessageContaining("answered HTTP 200 but its body is not a JSON object");
  }

  @Test
  void aRefusalWithoutAnErrorFieldIsUnavailable() {
    endpoint.answer(text(404, "text/plain", "Not Found"));

    TokenException e = refreshFails();

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e).hasMessageContaining("answered HTTP 404 without an OAuth2 error");
  }

  @Test
  void aDescriptionRepeatingATokenOrTheSecretShowsNeither() {
    String echoed = (REFRESH_TOKEN.reveal() + " and " + CLIENT_SECRET.reveal()).replace("/", "\\/");
    endpoint.answer(
        json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"bad " + echoed + "\"}"));

    TokenException e = refreshFails();

    assertThat(e)
        .hasMessage("invalid_grant: bad **** and ****")
        .hasMessageNotContaining(REFRESH_TOKEN.reveal())
        .hasMessageNotContaining(CLIENT_SECRET.reveal());
  }

  @Test
  void aLongDescriptionIsShortenedButKeepsItsCodes() {
    String longLine = "AADSTS50173: The provided grant has expired " + "x".repeat(400);
    endpoint.answer(
        json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\""
                + longLine
                + "\\nsee AADSTS50078\",\"error_codes\":[50173,50078]}"));

    TokenException e = refreshFails();

    assertThat(e.getMessage())
        .startsWith("invalid_grant: AADSTS50173: The provided grant has expired xxx")
        .contains("… (AADSTS50078)")
        .endsWith("[codes: 50173, 50078]")
        .hasSizeLessThan(400);
  }

  @Test
  void controlCharactersInTheAnswerCannotForgeALogLine() {
    endpoint.answer(
        json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"expired\\u001b[2J\\u202e"
                + " really\"}"));

    assertThat(refreshFails()).hasMessage("invalid_grant: expired [2J really");
  }

  private TokenException refreshFails() {
    TokenException e =
        catchThrowableOfType(
            TokenException.class, () -> provider().refresh(confidentialGrant(endpoint.tokenUri())));
    assertThat(e).as("the refresh fails").isNotNull();
    return e;
  }
}
