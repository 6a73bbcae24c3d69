package io.github.quotemailer.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.quotemailer.identity.ResolutionReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's security rules, attacked over HTTP the way a hostile page, a curious colleague or a
 * script would: CSRF tokens, the admin role, secrets no page may show, security headers, sessions,
 * redirects, escaping and the host name. One real demo serves every test; each test leaves what the
 * others read as it found it, or changes data no other test reads.
 *
 * <p>Form fields are written {@code "name=value"} (split at the first {@code =}).
 */
@Timeout(120)
class DemoSecurityTest {
  private static final List<String> USERS =
      List.of("admin", "juan", "maria", "carlos", "ana", "roberto", "luis", "elena");
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
  private static final Pattern PASSWORD_INPUT =
      Pattern.compile("<input[^>]*type=\"password\"[^>]*>");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @TempDir static Path dataDirectory;

  private static CrmDemo demo;

  @BeforeAll
  static void startDemoWithOneQuoteSent() {
    demo = CrmDemo.start(dataDirectory, 0);
    // Juan's first quote goes out from his own mailbox, so the log and the mailbox have rows.
    Browser juan = Browser.signedIn("juan");
    juan.postWithToken("/deals/1/move", "stage=QUOTE_SENT");
    awaitSent(juan, 1);
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  // ---- forms need the session's CSRF token

  @Test
  void aMoveWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
    Browser juan = Browser.signedIn("juan");
    Browser maria = Browser.signedIn("maria");
    String before = stageOf(juan, 2);

    assertThat(juan.post("/deals/2/move", "stage=LOST").status()).isEqualTo(403);
    assertThat(juan.post("/deals/2/move", "_csrf=", "stage=LOST").status()).isEqualTo(403);
    assertThat(juan.post("/deals/2/move", "_csrf=not-the-token", "stage=LOST").status())
        .isEqualTo(403);
    assertThat(juan.post("/deals/2/move", "_csrf=" + maria.csrf, "stage=LOST").status())
        .as("another session's token")
        .isEqualTo(403);
    assertThat(stageOf(juan, 2)).isEqualTo(before);

    // The same move with the session's own token goes through: the token was all it lacked.
    String target = before.equals("QUALIFIED") ? "QUOTING" : "QUALIFIED";
    assertThat(juan.postWithToken("/deals/2/move", "stage=" + target).status()).isEqualTo(302);
    assertThat(stageOf(juan, 2)).isEqualTo(target);
  }

  @Test
  void aSignInWithoutTheFormsTokenIsRefused() {
    Browser visitor = new Browser();
    visitor.get("/login");
    String session = visitor.session;
    String password = "password=" + CrmDemo.DEMO_PASSWORD;

    Response noToken = visitor.post("/login", "user=admin", password);
    Response otherToken =
        visitor.post("/login", "_csrf=" + Browser.signedIn("maria").csrf, "user=admin", password);
    Response noSession = new Browser().post("/login", "user=admin", password);

    assertThat(List.of(noToken, otherToken, noSession))
        .allSatisfy(r -> assertThat(r.status()).as(r.what()).isEqualTo(403));
    assertThat(visitor.session).as("no new session for a refused sign-in").isEqualTo(session);
    assertThat(visitor.get("/board").location()).isEqualTo("/login");
  }

  @Test
  void anAdminFormWithoutTheTokenChangesNoUserAndNoMailbox() {
    Browser admin = Browser.signedIn("admin");
    String before = admin.get("/admin/users/juan").body();
    String[] takeover =
        with(
            userForm("juan", "new-sign-in-pass", "attacker-pass", "save"),
            "name=Juan Hacked",
            "role=ADMIN",
            "smtpAddress=attacker@evil.example",
            "preset=CUSTOM",
            "host=smtp.evil.example",
            "port=465");

    assertThat(admin.post("/admin/users/juan", takeover).status()).isEqualTo(403);
    assertThat(admin.post("/admin/users/juan/smtp/remove").status()).isEqualTo(403);
    assertThat(admin.post("/admin/roles", "send=TECHNICIAN").status()).isEqualTo(403);
    assertThat(admin.post("/admin/users/new", "id=mallory", "name=Mallory").status())
        .isEqualTo(403);

    String after = admin.get("/admin/users/juan").body();
    assertThat(after).isEqualTo(before);
    assertThat(after).contains("juan.perez@inair.example").doesNotContain("evil.example");
    assertThat(admin.get("/admin/users/mallory").status()).isEqualTo(404);
    assertThat(Browser.signIn("juan", "new-sign-in-pass").status()).isEqualTo(401);
  }

  @Test
  void signOutAndTheLanguageSwitchNeedTheTokenToo() {
    Browser juan = Browser.signedIn("juan");

    assertThat(juan.post("/logout").status()).isEqualTo(403);
    assertThat(juan.post("/lang", "lang=en", "back=/board").status()).isEqualTo(403);

    Response board = juan.get("/board");
    assertThat(board.status()).as("still signed in").isEqualTo(200);
    assertThat(board.body()).contains("<html lang=\"es");
  }

  @Test
  void theTokenMayComeAsAHeaderButAWrongHeaderOverridesARightField() {
    Browser maria = Browser.signedIn("maria");
    String before = stageOf(maria, 5);
    String token = maria.csrf;

    Response wrongHeader =
        maria.send(
            form("/deals/5/move", "_csrf=" + token, "stage=LOST").header("X-CSRF-Token", "forged"));
    assertThat(wrongHeader.status()).isEqualTo(403);
    assertThat(stageOf(maria, 5)).isEqualTo(before);

    Response rightHeader =
        maria.send(form("/deals/5/move", "stage=" + before).header("X-CSRF-Token", token));
    assertThat(rightHeader.status()).as("an unchanged stage, sent by a script").isEqualTo(302);
  }

  // ---- roles

  @Test
  void adminPagesAreRefusedToEveryOtherRoleEvenWithAValidToken() {
    Browser admin = Browser.signedIn("admin");
    String usersBefore = admin.get("/admin/users").body();
    String juanBefore = admin.get("/admin/users/juan").body();

    for (String id : List.of("maria", "luis", "carlos", "elena")) {
      Browser user = Browser.signedIn(id);
      for (String page : List.of("/admin/users", "/admin/users/juan", "/admin/users/new")) {
        Response r = user.get(page);
        assertThat(r.status()).as(id + " " + r.what()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("id=\"user-form\"", "id=\"roles-form\"");
      }
      assertThat(user.get("/board").body()).doesNotContain("/admin/users");
      List<Response> posts =
          List.of(
              user.postWithToken("/admin/users/juan", userForm("juan", "taken-over-1", "", "save")),
              user.postWithToken("/admin/roles", "send=TECHNICIAN"),
              user.postWithToken("/admin/users/juan/smtp/remove"),
              user.postWithToken(
                  "/admin/users/new",
                  "id=mallory",
                  "name=Mallory",
                  "email=mallory@inair.example",
                  "role=ADMIN",
                  "password=mallory-pass"));
      assertThat(posts)
          .allSatisfy(r -> assertThat(r.status()).as(id + " " + r.what()).isEqualTo(403));
    }

    Browser again = Browser.signedIn("admin");
    assertThat(again.get("/admin/users").body()).isEqualTo(withToken(usersBefore, again.csrf));
    assertThat(again.get("/admin/users/juan").body()).isEqualTo(withToken(juanBefore, again.csrf));
    assertThat(Browser.signIn("mallory", "mallory-pass").status()).isEqualTo(401);
    assertThat(Browser.signIn("juan", "taken-over-1").status()).isEqualTo(401);
  }

  @Test
  void signedOutRequestsAreSentToTheSignInPage() {
    List<String> pages =
        List.of(
            "/",
            "/board",
            "/board/status",
            "/deliveries?user=juan&reason=OWN_ACCOUNT",
            "/mailbox",
            "/mailbox/x/pdf",
            "/deals/1/quote",
            "/deals/1/quote.pdf",
            "/admin/users",
            "/admin/users/juan",
            "/admin/users/new",
            "/no/such/page");
    List<String> forms =
        List.of(
            "/deals/1/move",
            "/deals/1/quote/lines",
            "/deals/1/quote/version",
            "/admin/users/juan",
            "/admin/users/new",
            "/admin/users/juan/smtp/remove",
            "/admin/roles",
            "/logout");
    Browser stranger = new Browser();
    Browser visitor = new Browser();
    visitor.get("/login"); // an anonymous session, with a valid token

    for (String page : pages) {
      for (Browser browser : List.of(stranger, visitor)) {
        Response r = browser.get(page);
        assertThat(r.status()).as(r.what()).isEqualTo(302);
        assertThat(r.location()).as(r.what()).isEqualTo("/login");
      }
    }
    for (String path : forms) {
      assertThat(stranger.post(path, "stage=LOST").status()).as(path).isIn(401, 403);
      assertThat(visitor.postWithToken(path, "stage=LOST").status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void salespeopleAndTechniciansCannotTouchAnotherSalespersonsDeal() {
    Browser maria = Browser.signedIn("maria");
    Browser luis = Browser.signedIn("luis");
    String stage = stageOf(maria, 6);
    String quote = maria.get("/deals/6/quote").body();

    for (Browser other : List.of(maria, luis)) {
      other.postWithToken("/deals/6/move", "stage=LOST");
      other.postWithToken(
          "/deals/6/quote/lines", "description=Regalo", "quantity=1", "unit=pza", "price=0.01");
      other.postWithToken("/deals/6/quote/version");
    }

    assertThat(stageOf(maria, 6)).isEqualTo(stage);
    assertThat(maria.get("/deals/6/quote").body())
        .isEqualTo(quote)
        .contains("COT-2026-0146 v1")
        .doesNotContain("Regalo");
    assertThat(quote).contains("disabled").doesNotContain("id=\"save-lines\"");
  }

  @Test
  void aSalespersonSeesOnlyTheirOwnDeliveries() {
    Browser maria = Browser.signedIn("maria");
    Browser manager = Browser.signedIn("carlos");

    assertThat(maria.get("/deliveries?user=juan").body()).doesNotContain("COT-2026-0141");
    assertThat(maria.get("/deliveries").body()).doesNotContain("COT-2026-0141");
    assertThat(manager.get("/deliveries?user=juan").body()).contains("COT-2026-0141");
  }

  // ---- secrets

  @Test
  void noPageHeaderOrMessageEverShowsAStoredSecret() throws IOException {
    String carlosPassword = "Carlos-" + UUID.randomUUID().toString().replace("-", "");
    List<String> secrets = storedSecrets();
    secrets.add(carlosPassword);
    secrets.add(authPlain("carlos.ortega@inair.example", carlosPassword));
    Browser admin = Browser.signedIn("admin");
    List<Response> seen = new ArrayList<>();

    // Saved, tested as stored, then typed again and tested: the demo server rejects it.
    seen.addAll(admin.postAndFollow("/admin/users/carlos", carlosForm(carlosPassword, "save")));
    seen.addAll(admin.postAndFollow("/admin/users/carlos", carlosForm("", "test")));
    seen.addAll(admin.postAndFollow("/admin/users/carlos", carlosForm(carlosPassword, "test")));
    assertThat(seen.get(seen.size() - 1).body()).contains("id=\"flash-detail\"");
    for (String[] refused : refusedCarlosForms(carlosPassword)) {
      seen.addAll(admin.postAndFollow("/admin/users/carlos", refused));
    }
    seen.addAll(admin.postAndFollow("/admin/users/carlos", carlosForm(carlosPassword, "test")));
    seen.add(Browser.signIn("carlos", carlosPassword));
    seen.add(Browser.signIn("carlos", demo.mailboxPasswords().get("carlos.ortega@inair.example")));

    // Carlos's rejected mailbox sends his quote from the company's, which the log then shows.
    Browser carlos = Browser.signedIn("carlos");
    carlos.postWithToken("/deals/4/move", "stage=QUOTE_SENT");
    awaitSent(carlos, 4);
    assertThat(carlos.get("/deliveries").body()).contains(CrmDemo.COMPANY_ADDRESS);

    seen.add(new Browser().get("/login"));
    for (String user : USERS) {
      Browser browser = Browser.signedIn(user);
      for (String page : everyPage()) {
        seen.add(browser.get(page));
      }
    }
    assertThat(seen).hasSizeGreaterThan(300);
    for (Response r : seen) {
      for (String secret : secrets) {
        assertThat(r.body()).as(r.what() + " body").doesNotContain(secret);
        assertThat(r.headers().map().toString()).as(r.what() + " headers").doesNotContain(secret);
      }
    }
  }

  @Test
  void passwordInputsAreNeverFilledIn() {
    Browser admin = Browser.signedIn("admin");
    List<String> pages = new ArrayList<>(List.of("/admin/users/new"));
    USERS.forEach(id -> pages.add("/admin/users/" + id));
    for (String page : pages) {
      List<String> inputs = passwordInputs(admin.get(page).body());
      assertThat(inputs).as(page).isNotEmpty();
      assertThat(inputs).as(page).allSatisfy(i -> assertThat(i).doesNotContain(" value"));
    }
    Browser visitor = new Browser();
    visitor.get("/login");

    Response failed =
        visitor.post("/login", "_csrf=" + visitor.csrf, "user=juan", "password=guess-123");

    assertThat(passwordInputs(failed.body()))
        .singleElement()
        .satisfies(i -> assertThat(i).doesNotContain(" value"));
    assertThat(failed.body()).doesNotContain("guess-123");
  }

  // ---- headers and sessions

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    Browser maria = Browser.signedIn("maria");
    List<Response> responses =
        List.of(
            new Browser().get("/login"),
            new Browser().get("/board"),
            maria.get("/board"),
            maria.get("/board/status"),
            maria.get("/deals/3/quote"),
            maria.get("/admin/users"),
            maria.get("/no/such/page"),
            maria.post("/deals/3/move", "stage=LOST"));

    for (Response r : responses) {
      String csp = r.header("Content-Security-Policy").orElse("");
      assertThat(csp).as(r.what()).contains("default-src 'self'", "script-src 'self'");
      assertThat(csp).as(r.what()).contains("frame-ancestors 'self'", "object-src 'none'");
      assertThat(csp).as(r.what()).doesNotContain("unsafe-inline", "unsafe-eval", "*");
      assertThat(r.header("X-Content-Type-Options")).as(r.what()).contains("nosniff");
      assertThat(r.header("X-Frame-Options"))
          .as(r.what())
          .hasValueSatisfying(v -> assertThat(v).isIn("DENY", "SAMEORIGIN"));
      assertThat(r.header("Referrer-Policy")).as(r.what()).isPresent();
      assertThat(r.header("Cache-Control")).as(r.what()).contains("no-store");
    }
    assertThat(maria.get("/board/status").header("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndRenewedAtSignIn() {
    Browser browser = new Browser();
    Response login = browser.get("/login");
    String planted = browser.session;
    String anonymousToken = browser.csrf;

    Response signIn =
        browser.post(
            "/login", "_csrf=" + anonymousToken, "user=juan", "password=" + CrmDemo.DEMO_PASSWORD);

    for (Response r : List.of(login, signIn)) {
      String cookie = r.setCookie().orElseThrow();
      assertThat(cookie).as(r.what()).startsWith(Sessions.COOKIE + "=").contains("; Path=/");
      assertThat(cookie.toLowerCase()).as(r.what()).contains("; httponly", "; samesite=strict");
    }
    assertThat(signIn.location()).isEqualTo("/board");
    assertThat(browser.session).isNotEqualTo(planted);
    assertThat(browser.get("/board").status()).isEqualTo(200);
    assertThat(browser.csrf).as("a new token with the new session").isNotEqualTo(anonymousToken);

    // Whoever planted or saw the id before the sign-in holds nothing now.
    Browser attacker = new Browser();
    attacker.session = planted;
    attacker.csrf = anonymousToken;
    assertThat(attacker.get("/board").location()).isEqualTo("/login");
    assertThat(attacker.postWithToken("/deals/1/move", "stage=LOST").status()).isEqualTo(403);
    // Nor does the old token work in the new session.
    assertThat(browser.post("/deals/2/move", "_csrf=" + anonymousToken, "stage=LOST").status())
        .isEqualTo(403);
  }

  @Test
  void signOutEndsTheSessionOnTheServer() {
    Browser browser = Browser.signedIn("maria");
    Browser copy = new Browser();
    copy.session = browser.session;
    copy.csrf = browser.csrf;

    Response out = browser.postWithToken("/logout");

    assertThat(out.location()).isEqualTo("/login");
    assertThat(out.setCookie()).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
    assertThat(browser.session).isNull();
    assertThat(copy.get("/board").location())
        .as("a copied cookie after sign-out")
        .isEqualTo("/login");
    assertThat(copy.postWithToken("/deals/5/move", "stage=LOST").status()).isEqualTo(403);
  }

  // ---- other attacks

  @Test
  void methodOverrideHeadersDoNotSkipTheTokenCheck() {
    Browser maria = Browser.signedIn("maria");
    String before = stageOf(maria, 5);

    for (String override : List.of("GET", "HEAD", "POST", "OPTIONS", "BOGUS")) {
      Response post =
          maria.send(
              form("/deals/5/move", "stage=LOST").header("X-HTTP-Method-Override", override));
      assertThat(post.status()).as("POST overridden as " + override).isEqualTo(403);
    }
    for (String override : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of("/deals/5/move?stage=LOST", "/admin/roles?send=TECHNICIAN")) {
        Response get = maria.send(request(path).GET().header("X-HTTP-Method-Override", override));
        assertThat(get.status()).as("GET " + path + " overridden as " + override).isEqualTo(403);
      }
    }
    assertThat(stageOf(maria, 5)).isEqualTo(before);
  }

  @Test
  void theLanguageSwitchRedirectsOnlyWithinTheSite() {
    Browser visitor = new Browser();
    visitor.get("/login");
    URI site = URI.create(demo.url());
    List<String> attempts =
        List.of(
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            " //evil.example",
            "http:evil.example",
            "javascript:alert(1)",
            "/%0d%0aSet-Cookie:x=1",
            "/%2F%2Fevil.example",
            "/.//evil.example",
            "");

    for (String back : attempts) {
      String location = visitor.postWithToken("/lang", "lang=en", "back=" + back).location();
      assertThat(location).as(back).startsWith("/").doesNotStartWith("//");
      assertThat(location).as(back).doesNotContain("\\", "\r", "\n", "\t");
      URI target = site.resolve(location);
      assertThat(target.getHost()).as(back).isEqualTo(site.getHost());
      assertThat(target.getPort()).as(back).isEqualTo(site.getPort());
    }
    assertThat(visitor.postWithToken("/lang", "lang=es", "back=/deals/1/quote").location())
        .isEqualTo("/deals/1/quote");
  }

  @Test
  void namesAndQuoteLinesAreEscapedInEveryPage() {
    String markup = "<img src=x onerror=alert(1)>\"'<script>alert(2)</script>";
    Browser admin = Browser.signedIn("admin");
    admin.postWithToken(
        "/admin/users/roberto",
        "name=Roberto " + markup,
        "email=roberto.diaz@inair.example",
        "role=ACCOUNTANT",
        "action=save");
    Browser maria = Browser.signedIn("maria");
    maria.postWithToken(
        "/deals/3/quote/lines",
        "description=Chiller " + markup,
        "quantity=1",
        "unit=\"><svg onload=x>",
        "price=285000.00");
    Browser visitor = new Browser();
    visitor.get("/login");

    List<Response> pages =
        List.of(
            admin.get("/admin/users"),
            admin.get("/admin/users/roberto"),
            admin.get("/deliveries"),
            Browser.signedIn("roberto").get("/board"),
            maria.get("/deals/3/quote"),
            visitor.post(
                "/login",
                "_csrf=" + visitor.csrf,
                "user=\"><script>alert(4)</script>",
                "password=x"));

    assertThat(pages.get(0).body()).contains("Roberto &lt;img src=x onerror=alert(1)&gt;");
    assertThat(pages.get(4).body()).contains("Chiller &lt;img src=x");
    for (Response page : pages) {
      assertThat(page.body())
          .as(page.what())
          .doesNotContain("<img src=x", "<script>alert", "<svg onload", "\"><svg", "\"><script");
    }
  }

  @Test
  void anUnforeseenServerErrorShowsNoInternals() {
    Browser maria = Browser.signedIn("maria");

    // Longer than the unit column: the database refuses it, and the page must not say how.
    Response r =
        maria.postWithToken(
            "/deals/5/quote/lines",
            "description=Extractor",
            "quantity=1",
            "unit=" + "u".repeat(300),
            "price=1.00");

    assertThat(r.body())
        .doesNotContainIgnoringCase("exception", "sql", "jdbc", "h2", "crm_quote_line", "at io.");
    assertThat(maria.get("/deals/5/quote").body())
        .as("the quote as it was")
        .contains("value=\"Extractor de aire 5 HP\"")
        .doesNotContain("uuuu");
  }

  @Test
  void mailboxPdfIdsAndAssetPathsReachNoFile() throws IOException {
    Browser maria = Browser.signedIn("maria");
    List<String> secrets = storedSecrets();
    List<String> tricks =
        List.of(
            "/mailbox/..%2F..%2Fkeyring.txt/pdf",
            "/mailbox/..%2f..%2fmail-accounts.properties/pdf",
            "/mailbox/%2e%2e%2f%2e%2e%2fkeyring.txt/pdf",
            "/mailbox/..%5C..%5Ckeyring.txt/pdf",
            "/mailbox/../../keyring.txt/pdf",
            "/mailbox/..;/..;/keyring.txt/pdf",
            "/mailbox/%00/pdf",
            "/static/../../keyring.txt",
            "/static/..%2F..%2Fmail-accounts.properties",
            "/static/%2e%2e/%2e%2e/keyring.txt");

    for (String path : tricks) {
      RawResponse r = raw(path, "127.0.0.1:" + demo.port(), maria.session);
      assertThat(r.status()).as(path).isIn(400, 404);
      for (String secret : secrets) {
        assertThat(r.text()).as(path).doesNotContain(secret);
      }
    }
    // A real message id still opens its PDF.
    Matcher link =
        Pattern.compile("href=\"(/mailbox/[^\"]+/pdf)\"").matcher(maria.get("/mailbox").body());
    assertThat(link.find()).isTrue();
    Response pdf = maria.get(link.group(1));
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).contains("application/pdf");
  }

  @Test
  void pathTricksDoNotReachAdminPages() throws IOException {
    Browser maria = Browser.signedIn("maria");
    List<String> tricks =
        List.of(
            "//admin/users",
            "/ADMIN/users",
            "/Admin/users",
            "/%61dmin/users",
            "/admin/users/",
            "/board/../admin/users",
            "/./admin/users",
            "/admin//users",
            "/admin;x=1/users",
            "/admin/users;x=1",
            "/board/..%2Fadmin/users",
            "/%2Fadmin/users",
            "/admin/users%2F",
            "/admin/users/juan/",
            "/admin/users/%6Auan",
            "/admin%2Fusers");

    for (String path : tricks) {
      RawResponse r = raw(path, "127.0.0.1:" + demo.port(), maria.session);
      assertThat(r.status()).as(path).isIn(400, 403, 404);
      assertThat(r.text()).as(path).doesNotContain("id=\"roles-form\"", "id=\"user-form\"");
    }
  }

  @Test
  void anUnknownUserAndAWrongPasswordGetTheSamePage() {
    Browser visitor = new Browser();
    visitor.get("/login");
    String token = "_csrf=" + visitor.csrf;
    String longId = "x".repeat(41);

    Response unknown = visitor.post("/login", token, "user=nobody7", "password=guess-123");
    Response wrong = visitor.post("/login", token, "user=roberto", "password=guess-123");
    Response tooLong = visitor.post("/login", token, "user=" + longId, "password=guess-123");

    assertThat(List.of(unknown, wrong, tooLong))
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(401))
        .allSatisfy(r -> assertThat(r.setCookie()).as("no session for a failed sign-in").isEmpty());
    assertThat(unknown.body().replace("nobody7", "ID"))
        .isEqualTo(wrong.body().replace("roberto", "ID"))
        .isEqualTo(tooLong.body().replace(longId, "ID"));
    assertThat(visitor.get("/board").location()).isEqualTo("/login");
  }

  @Test
  void requestsNamingAnotherHostAreRefused() throws IOException {
    Browser maria = Browser.signedIn("maria");
    int port = demo.port();
    List<String> foreign =
        List.of("rebind.evil.example:" + port, "evil.example", "127.0.0.1.evil.example:" + port);

    // A page on another site that points its own name at 127.0.0.1 (DNS rebinding) sends its name.
    for (String host : foreign) {
      for (String path : List.of("/login", "/board", "/admin/users")) {
        RawResponse r = raw(path, host, maria.session);
        assertThat(r.status()).as(host + path).isEqualTo(421);
        assertThat(r.text()).as(host + path).doesNotContain("id=\"login-form\"", "id=\"board\"");
      }
    }
    assertThat(raw("/login", "127.0.0.1:" + port, null).status()).isEqualTo(200);
    assertThat(raw("/login", "localhost:" + port, null).status()).isEqualTo(200);
    assertThat(raw("/board", "localhost:" + port, maria.session).status()).isEqualTo(200);
  }

  // ---- what the tests send and read

  /** Every secret the data directory holds: mailbox passwords, the company's, the key ring. */
  private static List<String> storedSecrets() throws IOException {
    List<String> secrets = new ArrayList<>(demo.mailboxPasswords().values());
    Properties accounts = new Properties();
    try (InputStream in = Files.newInputStream(dataDirectory.resolve("mail-accounts.properties"))) {
      accounts.load(in);
    }
    assertThat(accounts.getProperty(CrmDemo.COMPANY_ADDRESS)).isNotBlank();
    accounts.stringPropertyNames().forEach(name -> secrets.add(accounts.getProperty(name)));
    String keyRing = Files.readString(dataDirectory.resolve("keyring.txt")).trim();
    secrets.add(keyRing);
    secrets.add(keyRing.substring(keyRing.indexOf(':') + 1));
    secrets.add("qm1:"); // the prefix of every stored ciphertext
    String juan = "juan.perez@inair.example";
    secrets.add(authPlain(juan, demo.mailboxPasswords().get(juan)));
    assertThat(secrets).allSatisfy(s -> assertThat(s).hasSizeGreaterThanOrEqualTo(4));
    return secrets;
  }

  /** The SASL PLAIN response a mail client sends, in case a server's reply echoed it. */
  private static String authPlain(String user, String password) {
    return Base64.getEncoder()
        .encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The user form as the admin page posts it, for a seeded user and the demo's mail server. */
  private static String[] userForm(String id, String password, String smtpPassword, String action) {
    Seed.Person p = Seed.PEOPLE.stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    return new String[] {
      "name=" + p.name(),
      "email=" + p.email(),
      "role=" + p.role().name(),
      "phone=" + (p.phone() == null ? "" : p.phone()),
      "password=" + password,
      "smtp=on",
      "smtpAddress=" + p.email(),
      "smtpName=" + p.name(),
      "smtpUsername=",
      "preset=DEMO_SMTPS",
      "host=",
      "port=",
      "security=IMPLICIT_TLS",
      "smtpPassword=" + smtpPassword,
      "limit=",
      "enabled=on",
      "action=" + action
    };
  }

  private static String[] carlosForm(String smtpPassword, String action) {
    return userForm("carlos", "", smtpPassword, action);
  }

  /** Forms the server refuses, each carrying the password: no message may repeat it. */
  private static List<String[]> refusedCarlosForms(String password) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String[] save = carlosForm(password, "save");
    String[] custom = with(save, "preset=CUSTOM", "host=127.0.0.1", "port=25");
    return List.of(
        with(custom, "host=", "port=x"),
        with(custom, "port=99999"),
        with(custom, "security=NONE_" + password),
        with(carlosForm(password, "test"), "preset=CUSTOM", "host=127.0.0.1", "port=" + closedPort),
        with(save, "preset=NOPE"),
        with(save, "smtpAddress=not an address"),
        with(save, "limit=lots"),
        with(save, "smtpPassword=" + password + "\r\nQUIT"),
        with(save, "smtpPassword=" + password.repeat(20)),
        with(save, "password=short"),
        with(save, "name="),
        with(save, "role=" + password),
        with(carlosForm("", "save"), "preset=DEMO_STARTTLS"));
  }

  /** {@code form} with some fields given other values. */
  private static String[] with(String[] form, String... changes) {
    Map<String, String> changed =
        Stream.of(changes).collect(Collectors.toMap(DemoSecurityTest::name, f -> f));
    return Stream.of(form).map(f -> changed.getOrDefault(name(f), f)).toArray(String[]::new);
  }

  private static String name(String field) {
    return field.substring(0, field.indexOf('='));
  }

  /** Every page a signed-in user can ask for, admin pages included. */
  private static List<String> everyPage() {
    List<String> pages =
        new ArrayList<>(
            List.of(
                "/board",
                "/board/status",
                "/mailbox",
                "/deliveries",
                "/deliveries?user=&reason=",
                "/deliveries?user=carlos&reason=NOT_VERIFIED",
                "/admin/users",
                "/admin/users/new",
                "/login"));
    for (String user : USERS) {
      pages.add("/deliveries?user=" + user);
      pages.add("/admin/users/" + user);
    }
    for (ResolutionReason reason : ResolutionReason.values()) {
      pages.add("/deliveries?reason=" + reason.name());
    }
    for (int deal = 1; deal <= 8; deal++) {
      pages.add("/deals/" + deal + "/quote");
    }
    return pages;
  }

  private static List<String> passwordInputs(String html) {
    List<String> inputs = new ArrayList<>();
    Matcher m = PASSWORD_INPUT.matcher(html);
    while (m.find()) {
      inputs.add(m.group());
    }
    return inputs;
  }

  /** The stage column a deal's card sits in on the board. */
  private static String stageOf(Browser browser, int dealId) {
    String board = browser.get("/board").body();
    int card = board.indexOf("id=\"deal-" + dealId + "\"");
    assertThat(card).as("deal %d on the board", dealId).isPositive();
    int column = board.lastIndexOf("data-stage=\"", card) + "data-stage=\"".length();
    return board.substring(column, board.indexOf('"', column));
  }

  private static void awaitSent(Browser browser, int dealId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> List.of("ok", "warn").contains(sendKind(browser, dealId)));
  }

  private static String sendKind(Browser browser, int dealId) throws IOException {
    Map<String, Map<String, String>> statuses =
        JSON.readValue(browser.get("/board/status").body(), new TypeReference<>() {});
    return Optional.ofNullable(statuses.get(String.valueOf(dealId)))
        .map(s -> s.get("kind"))
        .orElse("");
  }

  /** A page as one session had it, with another session's token in place of the first's. */
  private static String withToken(String page, String token) {
    Matcher m = CSRF_FIELD.matcher(page);
    return m.find() ? page.replace(m.group(1), token) : page;
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(demo.url()).resolve(path))
        .timeout(Duration.ofSeconds(30));
  }

  private static HttpRequest.Builder form(String path, String... fields) {
    String body =
        Stream.of(fields)
            .map(
                f ->
                    URLEncoder.encode(name(f), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(
                            f.substring(f.indexOf('=') + 1), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /** A GET written by hand, for host names and paths an HTTP client would not send as given. */
  private static RawResponse raw(String target, String host, String session) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", demo.port())) {
      socket.setSoTimeout(30_000);
      String cookie = session == null ? "" : "Cookie: " + Sessions.COOKIE + "=" + session + "\r\n";
      String head =
          "GET "
              + target
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\n"
              + cookie
              + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new RawResponse(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  private record RawResponse(int status, String text) {}

  /** What a browser received, named by the request that got it. */
  @Test
  void theAdminSavesAUserWhoHasNoMailboxWithoutTypingAnSmtpPassword() {
    Browser admin = Browser.signedIn("admin");
    admin.get("/admin/users/roberto");
    String[] form = {
      "name=Roberto Díaz",
      "email=roberto.diaz@inair.example",
      "phone=+52 81 5555 0199",
      "role=ACCOUNTANT",
      "password=",
      "smtp=on",
      "smtpAddress=roberto.diaz@inair.example",
      "smtpName=Roberto Díaz",
      "smtpUsername=",
      "preset=DEMO_SMTPS",
      "host=",
      "port=",
      "security=IMPLICIT_TLS",
      "smtpPassword=",
      "limit=",
      "enabled=on"
    };
    String[] save = Stream.concat(Stream.of(form), Stream.of("action=save")).toArray(String[]::new);
    assertThat(admin.postAndFollow("/admin/users/roberto", save).get(1).body())
        .contains("Cambios guardados")
        .contains("+52 81 5555 0199")
        .contains("Respaldo de la empresa (sin cuenta propia)");

    // A test of a mailbox that was never set up asks for its password and saves nothing.
    String[] test =
        Stream.concat(
                Stream.of(form).map(f -> f.startsWith("phone=") ? "phone=+52 81 5555 0100" : f),
                Stream.of("action=test"))
            .toArray(String[]::new);
    assertThat(admin.postAndFollow("/admin/users/roberto", test).get(1).body())
        .contains("Escribe la contraseña SMTP")
        .contains("+52 81 5555 0199");
  }

  record Response(String what, int status, HttpHeaders headers, String body) {
    Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    String location() {
      return header("Location").orElse("");
    }

    Optional<String> setCookie() {
      return headers.allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith(Sessions.COOKIE + "="))
          .reduce((first, last) -> last);
    }
  }

  /** One simulated browser: its own session cookie, and the CSRF token of the last page it read. */
  static final class Browser {
    String session;
    String csrf = "";

    static Browser signedIn(String user) {
      Browser browser = new Browser();
      Response r = browser.signInAs(user, CrmDemo.DEMO_PASSWORD);
      assertThat(r.location()).as("sign-in of " + user).isEqualTo("/board");
      browser.get("/board");
      return browser;
    }

    /** A sign-in attempt from a fresh browser. */
    static Response signIn(String user, String password) {
      return new Browser().signInAs(user, password);
    }

    private Response signInAs(String user, String password) {
      get("/login");
      return post("/login", "_csrf=" + csrf, "user=" + user, "password=" + password);
    }

    Response get(String path) {
      return send(request(path).GET());
    }

    Response post(String path, String... fields) {
      return send(form(path, fields));
    }

    Response postWithToken(String path, String... fields) {
      String[] all = new String[fields.length + 1];
      all[0] = Sessions.CSRF_FIELD + "=" + csrf;
      System.arraycopy(fields, 0, all, 1, fields.length);
      return post(path, all);
    }

    /** The post and the page it redirects to, which shows the one-shot message. */
    List<Response> postAndFollow(String path, String... fields) {
      Response posted = postWithToken(path, fields);
      assertThat(posted.status()).as(posted.what()).isEqualTo(302);
      return List.of(posted, get(posted.location()));
    }

    Response send(HttpRequest.Builder builder) {
      if (session != null) {
        builder.header("Cookie", Sessions.COOKIE + "=" + session);
      }
      HttpRequest request = builder.build();
      HttpResponse<String> response;
      try {
        response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      URI uri = request.uri();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      Response r =
          new Response(
              request.method() + " " + uri.getRawPath() + query,
              response.statusCode(),
              response.headers(),
              response.body());
      r.setCookie().ifPresent(this::remember);
      Matcher token = CSRF_FIELD.matcher(r.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      return r;
    }

    private void remember(String setCookie) {
      String value = setCookie.substring(Sessions.COOKIE.length() + 1, setCookie.indexOf(';'));
      session = value.isEmpty() || setCookie.contains("Max-Age=0") ? null : value;
    }
  }
}
