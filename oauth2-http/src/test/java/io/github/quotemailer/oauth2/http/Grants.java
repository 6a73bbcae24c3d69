package io.github.quotemailer.oauth2.http;

import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The app, tokens and clients the tests share; the tokens hold characters forms must encode. */
final class Grants {
  static final String CLIENT_ID = "00000000-aaaa-bbbb-cccc-000000000001";
  static final Secret REFRESH_TOKEN = Secret.of("0.AXoA refresh+token/with=special&chars%~ñ");
  static final Secret CLIENT_SECRET = Secret.of("cl1ent~secret&with=reserved+chars");
  static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.access.token";

  private Grants() {}

  /** Microsoft's preset app, asking its tokens from {@code tokenEndpoint}. */
  static OAuth2Client microsoft(URI tokenEndpoint) {
    return OAuth2Client.microsoft("contoso.example", CLIENT_ID).withTokenEndpoint(tokenEndpoint);
  }

  /** A public client's grant (no client secret). */
  static OAuth2Grant publicGrant(URI tokenEndpoint) {
    return OAuth2Grant.of(microsoft(tokenEndpoint), REFRESH_TOKEN);
  }

  /** A confidential client's grant. */
  static OAuth2Grant confidentialGrant(URI tokenEndpoint) {
    return OAuth2Grant.of(microsoft(tokenEndpoint), REFRESH_TOKEN, CLIENT_SECRET);
  }

  /** A provider whose exchanges give up after {@code timeout}. */
  static HttpTokenProvider provider(Duration timeout) {
    return HttpTokenProvider.builder()
        .httpClient(HttpClient.newBuilder().connectTimeout(timeout).build())
        .requestTimeout(timeout)
        .build();
  }

  /** A provider with a timeout short enough for tests and long enough for a loaded machine. */
  static HttpTokenProvider provider() {
    return provider(Duration.ofSeconds(5));
  }

  /** A successful token answer. */
  static String tokens(String extraFields) {
    return "{\"token_type\":\"Bearer\",\"scope\":\"https://outlook.office.com/SMTP.Send\","
        + "\"access_token\":\""
        + ACCESS_TOKEN
        + "\""
        + (extraFields.isEmpty() ? "" : "," + extraFields)
        + "}";
  }
}
