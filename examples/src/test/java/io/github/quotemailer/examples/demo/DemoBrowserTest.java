package io.github.quotemailer.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quotemailer.examples.demo.DemoMailServer.ReceivedMail;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser demo as its users see it, in a real headless Chromium: the admin sets up and tests a
 * salesperson's own mailbox, moving a deal to "Cotización Enviada" mails the quote from that
 * mailbox or from the company's with Reply-To the salesperson, a rejected password falls back to
 * the company, a repeated move sends nothing twice, and a technician cannot open the admin pages.
 * The steps share one demo and one browser and run in order; after a failed step the rest are
 * skipped, and the page of the failure is saved as {@code target/screenshots/failure-*.png}.
 *
 * <p>Also takes the screenshots of {@code docs/images} (written there with {@code
 * -Dqm.screenshots.update=true}). Needs Debian's {@code chromium} and {@code chromium-driver};
 * where they are missing the test is skipped, and it fails instead when {@code
 * QM_TEST_REQUIRE_BROWSER=true} (as in CI).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoBrowserTest {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final String NO_BROWSER =
      "SKIPPED: no Debian chromium/chromedriver at /usr/bin"
          + " (apt-get install chromium chromium-driver)";

  /** Generous for a busy CI machine; a delivery itself takes well under a second. */
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path DOCS_IMAGES = Path.of("..", "docs", "images");

  /** Short pages still look like a screen, not a strip. */
  private static final long MIN_SCREENSHOT_HEIGHT = 560;

  private static final String CARLOS = "carlos.ortega@inair.example";
  private static final String MARIA = "maria.lopez@inair.example";
  private static final String JUAN = "juan.perez@inair.example";
  private static final String COMPANY = CrmDemo.COMPANY_ADDRESS;

  @TempDir static Path tempDir;

  private static CrmDemo demo;
  private static WebDriver driver;
  private static String failedStep;

  /** Skips the steps after a failed one (they build on it) and keeps the page it failed on. */
  @RegisterExtension
  static final TestWatcher STOP_AFTER_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          failedStep = context.getDisplayName();
          if (driver != null) {
            saveScreenshotIn(
                SCREENSHOTS, "failure-" + context.getRequiredTestMethod().getName() + ".png");
          }
        }
      };

  @BeforeAll
  static void startDemoAndBrowser() throws IOException {
    boolean browserInstalled = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!browserInstalled && "true".equals(System.getenv("QM_TEST_REQUIRE_BROWSER"))) {
      Assertions.fail(NO_BROWSER.replace("SKIPPED: ", "QM_TEST_REQUIRE_BROWSER=true but "));
    }
    Assumptions.assumeTrue(browserInstalled, NO_BROWSER);

    demo = CrmDemo.start(tempDir.resolve("demo"), 0);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--user-data-dir=" + Files.createDirectories(tempDir.resolve("chromium-profile")),
        // Wide enough for the board's seven columns side by side.
        "--window-size=1500,1000");
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowserAndDemo() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (demo != null) {
        demo.close();
      }
    }
  }

  @BeforeEach
  void earlierStepsPassed() {
    Assumptions.assumeTrue(
        failedStep == null, () -> "skipped: it builds on a step that failed: " + failedStep);
  }

  @Test
  @Order(1)
  @DisplayName("1. The admin sets up Carlos's own mailbox and the connection test verifies it")
  void adminVerifiesCarlosOwnMailbox() {
    signIn("admin");
    click(By.id("nav-users"));
    click(By.id("edit-carlos"));

    type(By.id("smtpAddress"), CARLOS);
    type(By.id("smtpName"), "Carlos Ortega");
    new Select(driver.findElement(By.id("preset"))).selectByValue("DEMO_STARTTLS");
    type(By.id("smtpPassword"), demo.mailboxPasswords().get(CARLOS));
    submitAndWaitForFlash(By.id("test-connection"));

    assertThat(text(By.id("flash"))).contains("Conexión correcta: cuenta verificada.");
    assertThat(text(By.id("flash-detail")))
        .as("the mail server's reply to the test login")
        .matches("2\\d\\d\\b.*");
    assertThat(text(By.id("mailbox-status"))).isEqualTo("Cuenta propia verificada");
    assertThat(new Select(driver.findElement(By.id("preset"))).getFirstSelectedOption().getText())
        .contains("STARTTLS");
    saveScreenshot("demo-user-form.png");

    click(By.id("nav-users"));
    assertThat(text(By.id("mailbox-carlos"))).isEqualTo("Cuenta propia verificada");
  }

  @Test
  @Order(2)
  @DisplayName("2. Carlos's quote goes out from his own mailbox, with its PDF")
  void carlosQuoteGoesOutFromHisOwnMailbox() throws Exception {
    signIn("carlos");
    assertThat(moveDeal(4, "QUOTE_SENT")).contains("la cotización está en cola de envío");

    WebElement status = waitUntilSent(4);
    assertThat(status.findElement(By.className("status")).getText())
        .isEqualTo("Cotización v1 enviada desde " + CARLOS);
    assertThat(status.findElement(By.className("detail")).getText())
        .isEqualTo("Cuenta propia del usuario");

    WebElement mail = mailboxRow("COT-2026-0144");
    assertThat(cell(mail, "from")).contains(CARLOS).doesNotContain(COMPANY);
    assertThat(cell(mail, "reply-to")).as("Reply-To").isEmpty();
    assertThat(cell(mail, "subject")).contains("COT-2026-0144");
    WebElement pdfLink = mail.findElement(By.cssSelector("a.pdf"));
    byte[] pdf = getWithBrowserSession(pdfLink.getDomProperty("href"), "application/pdf");
    assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    assertThat(pdfText(pdf)).contains("COT-2026-0144");

    ReceivedMail received = onlyReceived("COT-2026-0144");
    assertThat(received.from()).contains(CARLOS);
    assertThat(received.replyTo()).isNull();
    assertThat(received.pdf()).isEqualTo(pdf);
  }

  @Test
  @Order(3)
  @DisplayName("3. María has no mailbox: her quote goes out from the company, Reply-To her")
  void mariaWithoutMailboxSendsFromCompany() {
    signIn("maria");
    assertThat(moveDeal(3, "QUOTE_SENT")).contains("la cotización está en cola de envío");

    WebElement status = waitUntilSent(3);
    assertThat(status.findElement(By.className("status")).getText())
        .isEqualTo("Cotización v1 enviada desde " + COMPANY);
    assertThat(status.findElement(By.className("detail")).getText())
        .isEqualTo("Respaldo de la empresa: el usuario no tiene cuenta de correo");

    WebElement mail = mailboxRow("COT-2026-0143");
    assertThat(cell(mail, "from")).contains("María López (via INAIR)").contains(COMPANY);
    assertThat(cell(mail, "reply-to")).isEqualTo(MARIA);
    assertThat(mail.findElements(By.cssSelector("a.pdf"))).hasSize(1);

    ReceivedMail received = onlyReceived("COT-2026-0143");
    assertThat(received.from()).contains(COMPANY);
    assertThat(received.replyTo()).isEqualTo(MARIA);
  }

  @Test
  @Order(4)
  @DisplayName("4. A rejected password: the test says so, and Juan's quote still goes out")
  void rejectedPasswordFallsBackToCompany() {
    signIn("admin");
    click(By.id("nav-users"));
    assertThat(text(By.id("mailbox-juan"))).isEqualTo("Cuenta propia verificada");
    click(By.id("edit-juan"));
    type(By.id("smtpPassword"), "not-juans-password");
    submitAndWaitForFlash(By.id("test-connection"));

    assertThat(text(By.id("flash")).toLowerCase(Locale.ROOT)).contains("credenciales rechazadas");
    assertThat(text(By.id("flash-detail"))).as("the mail server's reply").startsWith("535");
    assertThat(text(By.id("mailbox-status"))).contains("Credenciales rechazadas");
    click(By.id("nav-users"));
    assertThat(text(By.id("mailbox-juan"))).contains("Credenciales rechazadas");

    signIn("juan");
    assertThat(moveDeal(1, "QUOTE_SENT")).contains("la cotización está en cola de envío");
    WebElement status = waitUntilSent(1);
    assertThat(status.findElement(By.className("status")).getText())
        .isEqualTo("Cotización v1 enviada desde " + COMPANY);
    assertThat(status.findElement(By.className("detail")).getText().toLowerCase(Locale.ROOT))
        .contains("credenciales rechazadas");

    WebElement mail = mailboxRow("COT-2026-0141");
    assertThat(cell(mail, "from")).contains("Juan Pérez (via INAIR)").contains(COMPANY);
    assertThat(cell(mail, "reply-to")).isEqualTo(JUAN);

    click(By.id("nav-deliveries"));
    new Select(driver.findElement(By.id("filter-reason"))).selectByValue("OWN_ACCOUNT_REJECTED");
    click(By.id("apply-filters"));
    List<WebElement> rows = driver.findElements(By.cssSelector("#deliveries tbody tr"));
    assertThat(rows).as("juan's deliveries with a rejected password").hasSize(1);
    assertThat(rows.get(0).getText()).contains("COT-2026-0141", COMPANY);
    assertThat(rows.get(0).getText().toLowerCase(Locale.ROOT)).contains("credenciales rechazadas");

    ReceivedMail received = onlyReceived("COT-2026-0141");
    assertThat(received.from()).contains(COMPANY);
    assertThat(received.replyTo()).isEqualTo(JUAN);
  }

  @Test
  @Order(5)
  @DisplayName("5. Moving a sent quote's deal back and forth does not send it again")
  void sameVersionIsNotSentTwice() {
    signIn("carlos");
    assertThat(moveDeal(4, "NEGOTIATION")).contains("pasó a Negociación");
    assertThat(moveDeal(4, "QUOTE_SENT")).contains("Esta versión ya se había puesto en cola antes");
    assertThat(driver.findElement(By.id("flash")).getDomAttribute("class")).contains("warn");

    // The delivery log lists every queued email: still one for this quote, and nothing pending.
    click(By.id("nav-deliveries"));
    assertThat(deliveryRows("COT-2026-0144")).hasSize(1);
    refreshUntil(
        "the delivery log shows nothing pending",
        d -> d.findElements(By.cssSelector("#deliveries .badge.pending")).isEmpty());
    // Give the worker (polling every 250 ms) several rounds to prove nothing more goes out.
    await("one COT-2026-0144 in the mailbox while the worker keeps polling")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> received("COT-2026-0144").size() == 1);

    click(By.id("nav-mailbox"));
    assertThat(
            driver.findElements(By.cssSelector("tr.mail td.subject")).stream()
                .filter(subject -> subject.getText().contains("COT-2026-0144")))
        .hasSize(1);
  }

  @Test
  @Order(6)
  @DisplayName("6. A technician sees no Users link and is refused the admin pages")
  void technicianCannotOpenAdminPages() throws Exception {
    signIn("luis");
    assertThat(driver.findElements(By.id("nav-users"))).isEmpty();

    for (String page : List.of("admin/users", "admin/users/juan")) {
      driver.get(demo.url() + page);
      assertThat(text(By.id("error-title"))).as(page).isEqualTo("Acceso denegado");
      assertThat(text(By.id("error-message")))
          .isEqualTo("Esta página es solo para el rol Administrador.");
      assertThat(driver.findElements(By.id("smtpPassword"))).isEmpty();
      assertThat(statusCodeWithBrowserSession(demo.url() + page)).as(page).isEqualTo(403);
    }
  }

  @Test
  @Order(7)
  @DisplayName(
      "7. Screenshots of the board, the mailbox, the delivery log and a quote after the sends")
  void screenshotsAfterTheSends() {
    signIn("admin");
    refreshUntil(
        "every card shows its delivery",
        d -> d.findElements(By.cssSelector(".send.pending")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#column-QUOTE_SENT .deal")))
        .extracting(card -> card.getDomAttribute("id"))
        .containsExactlyInAnyOrder("deal-1", "deal-3", "deal-4");
    saveScreenshot("demo-board.png");

    click(By.id("nav-mailbox"));
    assertThat(driver.findElements(By.cssSelector("tr.mail"))).hasSize(3);
    saveScreenshot("demo-mailbox.png");

    click(By.id("nav-deliveries"));
    assertThat(driver.findElements(By.cssSelector("#deliveries tbody tr"))).hasSize(3);
    saveScreenshot("demo-delivery-log.png");

    driver.get(demo.url() + "deals/1/quote");
    waitFor("the quote page with its PDF preview")
        .until(d -> d.findElement(By.id("quote-number")).getText().contains("COT-2026-0141"));
    assertThat(driver.findElement(By.id("preview")).getDomAttribute("src"))
        .isEqualTo("/deals/1/quote.pdf");
    pause(Duration.ofSeconds(2)); // the browser's PDF viewer draws the page for the picture only
    saveScreenshot("demo-quote.png");
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- what a person does

  /** Signs out whoever is signed in, then signs {@code user} in with the demo password. */
  private static void signIn(String user) {
    if (!driver.findElements(By.id("logout")).isEmpty()) {
      click(By.id("logout"));
    }
    driver.get(demo.url() + "login");
    type(By.id("user"), user);
    type(By.id("password"), CrmDemo.DEMO_PASSWORD);
    click(By.id("sign-in"));
    waitFor(user + " is signed in and sees the board")
        .until(
            ExpectedConditions.and(
                ExpectedConditions.presenceOfElementLocated(By.id("logout")),
                ExpectedConditions.presenceOfElementLocated(By.id("board"))));
  }

  /** Moves a deal with its card's select and button; returns the flash message shown after. */
  private static String moveDeal(int dealId, String stage) {
    new Select(driver.findElement(By.id("stage-" + dealId))).selectByValue(stage);
    return submitAndWaitForFlash(By.id("move-button-" + dealId));
  }

  /** The card's delivery status once the board (refreshed by its script) shows the quote sent. */
  private static WebElement waitUntilSent(int dealId) {
    By status = By.cssSelector("#send-" + dealId + " .status");
    waitFor("deal " + dealId + "'s card shows its quote sent")
        .until(ExpectedConditions.textMatches(status, Pattern.compile("enviada")));
    return driver.findElement(By.id("send-" + dealId));
  }

  /** The test mailbox's row of the quote, reloading the page until the message is there. */
  private static WebElement mailboxRow(String quoteNumber) {
    click(By.id("nav-mailbox"));
    refreshUntil("the test mailbox shows " + quoteNumber, d -> !mailboxRows(quoteNumber).isEmpty());
    List<WebElement> rows = mailboxRows(quoteNumber);
    assertThat(rows).as("messages with " + quoteNumber).hasSize(1);
    return rows.get(0);
  }

  private static List<WebElement> mailboxRows(String quoteNumber) {
    return driver.findElements(By.cssSelector("tr.mail")).stream()
        .filter(row -> cell(row, "subject").contains(quoteNumber))
        .toList();
  }

  private static List<WebElement> deliveryRows(String quoteNumber) {
    return driver.findElements(By.cssSelector("#deliveries tbody tr")).stream()
        .filter(row -> row.getText().contains(quoteNumber))
        .toList();
  }

  private static String cell(WebElement row, String cssClass) {
    return row.findElement(By.cssSelector("td." + cssClass)).getText();
  }

  // ---- browser plumbing

  private static void type(By field, String value) {
    WebElement input =
        waitFor(field + " can be typed in").until(ExpectedConditions.elementToBeClickable(field));
    input.clear();
    input.sendKeys(value);
  }

  private static String text(By element) {
    return waitFor("the page shows " + element)
        .until(ExpectedConditions.visibilityOfElementLocated(element))
        .getText();
  }

  /** Follows a link or presses a button, and waits until the next page has replaced this one. */
  private static void click(By element) {
    // While a page is still settling, chromedriver may answer "Node with given id does not belong
    // to the document" for an element it just found: such answers are retried until the wait's end.
    WebElement page =
        waitFor("the page's root element")
            .ignoring(WebDriverException.class)
            .until(d -> d.findElement(By.tagName("html")));
    WebElement target =
        waitFor(element + " can be clicked")
            .ignoring(WebDriverException.class)
            .until(ExpectedConditions.elementToBeClickable(element));
    try {
      target.click();
    } catch (WebDriverException e) {
      // chromedriver may report a click as failed when the navigation it started has already
      // replaced the page; whether the click took effect is what the wait below checks.
      if (!String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        throw e;
      }
    }
    waitFor("a new page after clicking " + element).until(d -> replaced(page));
    waitFor("the page after clicking " + element + " has loaded")
        .ignoring(WebDriverException.class)
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Whether {@code page} has been replaced by another document: Selenium calls its element stale,
   * or chromedriver answers that the node no longer belongs to the document.
   */
  private static boolean replaced(WebElement page) {
    try {
      page.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Submits a form; the server answers with a redirect to a page showing a flash message. */
  private static String submitAndWaitForFlash(By button) {
    click(button);
    return text(By.id("flash"));
  }

  /** Reloads the page until {@code condition} holds, for pages without a refresh script. */
  private static void refreshUntil(String what, ExpectedCondition<Boolean> condition) {
    waitFor(what)
        .until(
            d -> {
              if (Boolean.TRUE.equals(condition.apply(d))) {
                return true;
              }
              d.navigate().refresh();
              return false;
            });
  }

  /** GETs a page of the demo as this browser's signed-in user. */
  private static HttpResponse<byte[]> getWithBrowserSession(String url) throws Exception {
    Cookie session = driver.manage().getCookieNamed(Sessions.COOKIE);
    assertThat(session).as("the browser's session cookie").isNotNull();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Cookie", session.getName() + "=" + session.getValue())
            .timeout(WAIT)
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] getWithBrowserSession(String url, String contentType) throws Exception {
    HttpResponse<byte[]> response = getWithBrowserSession(url);
    assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
    return response.body();
  }

  private static int statusCodeWithBrowserSession(String url) throws Exception {
    return getWithBrowserSession(url).statusCode();
  }

  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static List<ReceivedMail> received(String quoteNumber) {
    return demo.mailServer().received().stream()
        .filter(mail -> mail.subject() != null && mail.subject().contains(quoteNumber))
        .toList();
  }

  private static ReceivedMail onlyReceived(String quoteNumber) {
    List<ReceivedMail> found = received(quoteNumber);
    assertThat(found).as("messages the mail server received for " + quoteNumber).hasSize(1);
    ReceivedMail mail = found.get(0);
    assertThat(mail.pdf()).as("the PDF attached to " + quoteNumber).isNotNull();
    assertThat(Arrays.copyOf(mail.pdf(), 4))
        .isEqualTo("%PDF".getBytes(StandardCharsets.ISO_8859_1));
    return mail;
  }

  /**
   * The page from its top to the end of its content, neither cut off nor padded with empty space:
   * the window takes the page's height for the shot, then gets its size back.
   */
  private static byte[] wholePageScreenshot() {
    WebDriver.Window window = driver.manage().window();
    Dimension original = window.getSize();
    try {
      script("window.scrollTo(0, 0)");
      // Twice: a window of another height can wrap the page differently (the scroll bar goes).
      for (int i = 0; i < 2; i++) {
        long content = Math.max(MIN_SCREENSHOT_HEIGHT, script("return document.body.scrollHeight"));
        long viewport = script("return window.innerHeight");
        if (content == viewport) {
          break;
        }
        Dimension now = window.getSize();
        window.setSize(new Dimension(now.getWidth(), (int) (now.getHeight() + content - viewport)));
      }
      return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    } finally {
      window.setSize(original);
    }
  }

  private static long script(String javaScript) {
    Object result = ((JavascriptExecutor) driver).executeScript(javaScript);
    return result instanceof Number number ? number.longValue() : 0;
  }

  private static WebDriverWait waitFor(String what) {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.withMessage(what);
    return wait;
  }

  /**
   * Saves the page as a PNG in target/screenshots, and in docs/images when asked to update them.
   */
  private static void saveScreenshot(String fileName) {
    saveScreenshotIn(SCREENSHOTS, fileName);
    if (Boolean.getBoolean("qm.screenshots.update")) {
      saveScreenshotIn(DOCS_IMAGES, fileName);
    }
  }

  private static void saveScreenshotIn(Path directory, String fileName) {
    byte[] png = wholePageScreenshot();
    try {
      Files.write(Files.createDirectories(directory).resolve(fileName), png);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the screenshot " + fileName, e);
    }
  }
}
