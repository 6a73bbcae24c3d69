package io.github.quotemailer.examples;

import static io.github.quotemailer.examples.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.testing.LoopbackMail;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code users connect-oauth} against a token endpoint and a device authorization endpoint on
 * loopback, and GreenMail, whose XOAUTH2 accepts the access token the endpoint last issued.
 */
class ConnectOAuthCommandTest {
  private static final String COMPANY_PASSWORD = "company-cli-password-9";
  private static final String JUAN = "juan@inair.example";

  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtp(Map.of("ventas@inair.example", COMPANY_PASSWORD, JUAN, "no-token-yet"));

  @TempDir Path dir;

  private Path config;
  private String dbUrl;
  private HttpServer endpoint;
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger pendingPolls = new AtomicInteger(1);
  private final List<String> forms = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    dbUrl = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
    config = writeConfig();
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext("/token", this::token);
    endpoint.createContext("/devicecode", this::deviceCode);
    endpoint.start();
  }

  @AfterEach
  void stop() {
    endpoint.stop(0);
  }

  @Test
  void aRefreshTokenFromStandardInputIsStoredEncryptedVerifiedAndSendsAsTheUser() throws Exception {
    CliRun connect = connect("refresh-Token-0\n", "--refresh-token-stdin", "--limit", "30/1m");

    assertThat(connect.exit()).as(connect.err()).isZero();
    assertThat(connect.out())
        .contains("saved OAuth2 (CUSTOM) settings of juan (juan@inair.example)")
        .contains("result=ACCEPTED");
    assertThat(forms).singleElement().asString().contains("refresh_token=refresh-Token-0");
    CliRun list = run("", "users", "list", "--config", config.toString());
    assertThat(list.out())
        .contains("OAuth2 (CUSTOM)")
        .contains("30/1m")
        .contains("VERIFIED")
        .doesNotContain("refresh-Token-0")
        .doesNotContain("at-1");
    assertThat(rawDump()).contains("OAUTH2").doesNotContain("refresh-Token-0");

    CliRun send =
        run(
            "",
            "send",
            "--config",
            config.toString(),
            "--quote",
            SampleQuoteFile.copyInto(dir).toString(),
            "--to",
            "compras@hsjn.example");
    assertThat(send.exit()).as(send.err()).isZero();
    assertThat(send.out()).contains("identity=juan@inair.example reason=OWN_ACCOUNT");
  }

  @Test
  void theDeviceCodeFlowPrintsWhereToSignInAndWaitsForTheConsent() throws Exception {
    CliRun connect =
        connect(
            "",
            "--device-code",
            "--device-endpoint",
            "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/devicecode");

    assertThat(connect.exit()).as(connect.err()).isZero();
    assertThat(connect.out())
        .contains("code=QMTS-7K2P")
        .contains("/verify")
        .contains("result=ACCEPTED");
    assertThat(forms)
        .anySatisfy(f -> assertThat(f).contains("device_code=dev-code-1"))
        .anySatisfy(f -> assertThat(f).contains("refresh_token=refresh-From-Device"));
    assertThat(rawDump()).doesNotContain("refresh-From-Device");
  }

  @Test
  void aRevokedGrantIsStoredWithItsHealthAndTheCommandSaysSo() throws Exception {
    CliRun connect = connect("revoked-Token\n", "--refresh-token-stdin");

    assertThat(connect.exit()).isEqualTo(1);
    assertThat(connect.out()).contains("result=TOKEN_REVOKED").contains("connect it again");
    CliRun list = run("", "users", "list", "--config", config.toString());
    assertThat(list.out()).contains("TOKEN_REVOKED").doesNotContain("revoked-Token");
  }

  @Test
  void aPresetSwitchThatIsNotABooleanIsAConfigurationErrorNamingItsKey() throws Exception {
    Files.writeString(config, "quotemailer.limit-presets=maybe\n", StandardOpenOption.APPEND);

    CliRun connect = connect("refresh-Token-0\n", "--refresh-token-stdin");

    assertThat(connect.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(connect.err()).contains("quotemailer.limit-presets").contains("'maybe'");
  }

  @Test
  void aWrongOptionIsReportedBeforeTheUserIsAskedToSignIn() {
    CliRun badLimit = connect("", "--device-code", "--limit", "lots");
    CliRun badEndpoint =
        run(
            "refresh-Token-0\n",
            "users",
            "connect-oauth",
            "--config",
            config.toString(),
            "--user",
            "juan",
            "--name",
            "Juan",
            "--address",
            JUAN,
            "--provider",
            "microsoft",
            "--client-id",
            "cli-client",
            "--token-endpoint",
            "http://127.0.0.1:1/a b",
            "--refresh-token-stdin");

    assertThat(badLimit.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(badLimit.err()).contains("--limit");
    assertThat(badEndpoint.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(badEndpoint.err()).contains("--token-endpoint");
    assertThat(forms).as("no sign-in was started").isEmpty();
  }

  @Test
  void aMalformedCompanyTenantIsReportedUnderItsOwnKey() throws Exception {
    Files.writeString(
        config,
        "quotemailer.company.oauth2.provider=microsoft\n"
            + "quotemailer.company.oauth2.client-id=company-app\n"
            + "quotemailer.company.oauth2.tenant=not a tenant\n"
            + "quotemailer.company.oauth2.refresh-token=company-rt\n",
        StandardOpenOption.APPEND);

    CliRun connect = connect("refresh-Token-0\n", "--refresh-token-stdin");

    assertThat(connect.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(connect.err()).contains("quotemailer.company.oauth2.tenant");
  }

  private CliRun connect(String stdin, String... source) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "users",
                "connect-oauth",
                "--config",
                config.toString(),
                "--user",
                "juan",
                "--name",
                "Juan Pérez",
                "--address",
                JUAN,
                "--provider",
                "custom",
                "--token-endpoint",
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/token",
                "--client-id",
                "cli-client",
                "--scope",
                "smtp.send offline_access",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(greenMail.getSmtp().getPort()),
                "--security",
                "PLAIN"));
    args.addAll(List.of(source));
    return run(stdin, args.toArray(String[]::new));
  }

  private void token(HttpExchange exchange) throws IOException {
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    forms.add(form);
    if (form.contains("revoked-Token")) {
      respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"revoked\"}");
      return;
    }
    if (form.contains("device_code") && pendingPolls.getAndDecrement() > 0) {
      respond(exchange, 400, "{\"error\":\"authorization_pending\"}");
      return;
    }
    String accessToken = "at-" + issued.incrementAndGet();
    greenMail.getUserManager().getUserByEmail(JUAN).setPassword(accessToken);
    String refresh =
        form.contains("device_code") ? ",\"refresh_token\":\"refresh-From-Device\"" : "";
    respond(
        exchange,
        200,
        "{\"token_type\":\"Bearer\",\"access_token\":\""
            + accessToken
            + "\",\"expires_in\":3600"
            + refresh
            + "}");
  }

  private void deviceCode(HttpExchange exchange) throws IOException {
    forms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    respond(
        exchange,
        200,
        "{\"device_code\":\"dev-code-1\",\"user_code\":\"QMTS-7K2P\",\"verification_uri\":"
            + "\"http://127.0.0.1:"
            + endpoint.getAddress().getPort()
            + "/verify\",\"expires_in\":60,\"interval\":1}");
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Path writeConfig() throws Exception {
    Path file = dir.resolve("quotemailer.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "quotemailer.db.url=" + dbUrl,
            "quotemailer.secret.keys=" + KeyRing.generateKeySpec("k1"),
            "quotemailer.smtp.host=127.0.0.1",
            "quotemailer.smtp.port=" + greenMail.getSmtp().getPort(),
            "quotemailer.smtp.security=PLAIN",
            "quotemailer.company.name=INAIR",
            "quotemailer.company.address=ventas@inair.example",
            "quotemailer.company.password=" + COMPANY_PASSWORD,
            ""));
    return file;
  }

  private String rawDump() throws Exception {
    return SettingsTableDump.of(dbUrl);
  }
}
