package io.github.quotemailer.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.TransportSecurity;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The app registrations and presets: what is accepted, what is refused, and what never shows. */
class OAuth2ClientTest {
  @Test
  void thePresetsNameTheProvidersEndpointsScopesAndServers() {
    OAuth2Client microsoft = OAuth2Client.microsoft("inair.example", "app-id");
    OAuth2Client anyTenant = OAuth2Client.microsoft(null, "app-id");
    OAuth2Client google = OAuth2Client.google("app.apps.googleusercontent.com");

    assertThat(microsoft.tokenEndpoint())
        .hasToString("https://login.microsoftonline.com/inair.example/oauth2/v2.0/token");
    assertThat(anyTenant.tokenEndpoint())
        .hasToString("https://login.microsoftonline.com/organizations/oauth2/v2.0/token");
    assertThat(microsoft.scope()).isEqualTo("https://outlook.office.com/SMTP.Send offline_access");
    assertThat(google.tokenEndpoint()).hasToString("https://oauth2.googleapis.com/token");
    assertThat(google.scope()).isEqualTo("https://mail.google.com/");
    assertThat(OAuth2Provider.MICROSOFT.smtpServer().orElseThrow().security())
        .isEqualTo(TransportSecurity.STARTTLS_REQUIRED);
    assertThat(OAuth2Provider.GOOGLE.smtpServer().orElseThrow().port()).isEqualTo(465);
    assertThat(OAuth2Provider.CUSTOM.smtpServer()).isEmpty();
    assertThat(OAuth2Provider.CUSTOM.scope()).isEmpty();
  }

  @Test
  void providersParseIgnoringCaseAndAnUnknownOneNamesTheField() {
    assertThat(OAuth2Provider.parse("--provider", "Microsoft")).isEqualTo(OAuth2Provider.MICROSOFT);
    assertThatThrownBy(() -> OAuth2Provider.parse("--provider", "yahoo"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("--provider"))
        .hasMessageContaining("'yahoo' is not microsoft, google or custom");
  }

  @Test
  void theCustomProviderHasNoPresetAndAMalformedTenantIsRefused() {
    assertThatThrownBy(() -> OAuth2Provider.CUSTOM.tokenEndpoint(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("give it explicitly");
    assertThatThrownBy(() -> OAuth2Client.microsoft("inair.example/../x", "app-id"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tenant"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://login.inair.example/token",
        "ftp://127.0.0.1/token",
        "/token",
        "https:///token"
      })
  void aTokenEndpointMustBeHttpsOrLoopbackHttp(String endpoint) {
    assertThatThrownBy(() -> OAuth2Client.custom(URI.create(endpoint), "app", "smtp"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("oauth2.tokenEndpoint"));
  }

  @Test
  void loopbackHttpIsAcceptedForLocalProvidersAndBlankPartsAreRefused() {
    assertThat(OAuth2Client.custom(URI.create("http://127.0.0.1:8080/token"), "app", "smtp"))
        .isNotNull();
    assertThatThrownBy(
            () -> OAuth2Client.custom(URI.create("https://login.inair.example/t"), " ", "smtp"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("oauth2.clientId"));
    assertThatThrownBy(
            () -> OAuth2Client.custom(URI.create("https://login.inair.example/t"), "app", ""))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("oauth2.scope"));
  }

  @Test
  void aGrantNeverShowsItsSecrets() {
    OAuth2Grant grant =
        OAuth2Grant.of(
            OAuth2Client.google("app"), Secret.of("1//refresh-Secret"), Secret.of("client-Secret"));

    assertThat(grant.toString())
        .contains("GOOGLE")
        .doesNotContain("refresh-Secret")
        .doesNotContain("client-Secret");
    assertThat(grant.withRefreshToken(Secret.of("1//next")).clientSecret()).isPresent();
  }
}
