package io.github.quotemailer.oauth2.http;

import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.oauth2.InMemoryRefreshTokenStore;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.smtp.VerificationResult;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.LoopbackMail;
import io.github.quotemailer.testing.MailerFixture;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OAuth2 mailboxes end to end: the real {@link HttpTokenProvider} against a token endpoint on
 * loopback, and GreenMail over SMTPS, whose AUTH XOAUTH2 accepts a token only while it is the
 * mailbox's password (the endpoint registers every token it issues). Connection reuse is off, so
 * every send logs in and asks the mailer for a token; a settable clock stands in for time.
 */
@Timeout(60)
class OAuth2MailboxDeliveryTest {
  private static final String JUAN = "juan@inair.example";

  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtps(Map.of(COMPANY, COMPANY_PASSWORD, JUAN, "not-a-token-yet"));

  @RegisterExtension
  @Order(1)
  final CapturedLogs logs = CapturedLogs.neverShowing("|rt-", "|at-");

  @RegisterExtension
  @Order(2)
  final Closer closer = new Closer();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-05T09:00:00Z"));
  private final SecretCipher cipher = SecretCipher.create(MailerFixture.KEYS);
  private LocalTokenEndpoint endpoint;
  private SmtpServer server;

  @BeforeEach
  void setUp() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    endpoint =
        new LocalTokenEndpoint(
            (mailbox, token) ->
                greenMail.getUserManager().getUserByEmail(mailbox).setPassword(token));
    server = MailerFixture.server(greenMail.getSmtps().getPort(), TransportSecurity.IMPLICIT_TLS);
    users.save(MailerFixture.oauth2Settings("juan", server, endpoint.uri(), JUAN + "|rt-0"));
  }

  @AfterEach
  void tearDown() {
    endpoint.close();
  }

  @Test
  void aTokenIsFetchedOnceCachedAndRefreshedWhenItExpires() throws Exception {
    QuoteMailer mailer = mailer();

    assertThat(mailer.send(MailerFixture.email()).reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(mailer.send(MailerFixture.email()).reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(endpoint.requests()).as("the second login reuses the cached token").hasSize(1);
    assertThat(endpoint.requests().get(0))
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", JUAN + "|rt-0")
        .containsEntry("client_id", "qm-test-client")
        .containsEntry("scope", "https://outlook.office.com/SMTP.Send offline_access");

    clock.advance(Duration.ofMinutes(59)); // within the last minute of the hour-long token
    DeliveryReceipt third = mailer.send(MailerFixture.email());

    assertThat(third.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(endpoint.requests()).as("refreshed before it expired").hasSize(2);
    assertThat(fromAddresses()).containsExactly(JUAN, JUAN, JUAN);
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);
  }

  @Test
  void aRotatedRefreshTokenIsStoredAtOnceAndUsedNextEvenAfterARestart() throws Exception {
    endpoint.rotate = true;
    QuoteMailer first = mailer();

    first.send(MailerFixture.email());
    assertThat(storedRefreshToken()).isEqualTo(JUAN + "|rt-1");

    clock.advance(Duration.ofHours(2));
    first.send(MailerFixture.email());
    assertThat(endpoint.requests().get(1)).containsEntry("refresh_token", JUAN + "|rt-1");
    assertThat(storedRefreshToken()).isEqualTo(JUAN + "|rt-2");

    QuoteMailer restarted = mailer();
    restarted.send(MailerFixture.email());
    assertThat(endpoint.requests().get(2))
        .as("a new process starts from the stored, rotated token")
        .containsEntry("refresh_token", JUAN + "|rt-2");
    assertThat(storedRefreshToken()).isEqualTo(JUAN + "|rt-3");
    assertThat(fromAddresses()).containsExactly(JUAN, JUAN, JUAN);
  }

  @Test
  void aTokenAnotherNodeRotatedIsTakenUpInsteadOfTheOneThisNodeHeld() {
    endpoint.rotate = true;
    QuoteMailer nodeA = mailer();
    QuoteMailer nodeB = mailer();

    nodeA.send(MailerFixture.email()); // rt-0 -> rt-1, stored
    nodeB.send(MailerFixture.email()); // reads rt-1 -> rt-2, stored
    clock.advance(Duration.ofHours(2));
    nodeA.send(MailerFixture.email());

    assertThat(endpoint.requests())
        .extracting(form -> form.get("refresh_token"))
        .containsExactly(JUAN + "|rt-0", JUAN + "|rt-1", JUAN + "|rt-2");
    assertThat(storedRefreshToken()).isEqualTo(JUAN + "|rt-3");
  }

  @Test
  void twoThreadsNeedingATokenAtOnceCauseOneRefresh() throws Exception {
    endpoint.delayMillis = 500;
    QuoteMailer mailer = mailer();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<DeliveryReceipt>> sends =
          List.of(
              threads.submit(() -> sendAfter(start, mailer)),
              threads.submit(() -> sendAfter(start, mailer)));
      start.countDown();
      for (Future<DeliveryReceipt> send : sends) {
        assertThat(send.get(30, TimeUnit.SECONDS).reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(endpoint.requests()).hasSize(1);
    assertThat(fromAddresses()).containsExactly(JUAN, JUAN);
  }

  @Test
  void aRevokedGrantSendsFromTheCompanyMarksTheSettingsAndAsksToReconnect() throws Exception {
    endpoint.revoked = true;
    QuoteMailer mailer = mailer();

    DeliveryReceipt receipt = mailer.send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.TOKEN_REVOKED);
    MimeMessage sent = greenMail.getReceivedMessages()[0];
    assertThat(((InternetAddress) sent.getFrom()[0]).getAddress()).isEqualTo(COMPANY);
    assertThat(((InternetAddress) sent.getReplyTo()[0]).getAddress()).isEqualTo(JUAN);
    DeliveryAttempt refused = log.all().get(0);
    assertThat(refused.replyClass()).isEqualTo(SmtpReplyClass.TOKEN_REVOKED);
    assertThat(refused.replyText())
        .contains("invalid_grant")
        .contains("AADSTS70008")
        .contains("connect it again");
    SettingsHealth health = users.find("juan").orElseThrow().health();
    assertThat(health.status()).isEqualTo(SettingsHealth.Status.TOKEN_REVOKED);
    assertThat(events)
        .containsExactly("rejected juan TOKEN_REVOKED", "fallback juan TOKEN_REVOKED");

    DeliveryReceipt next = mailer.send(MailerFixture.email());
    assertThat(next.reason()).isEqualTo(ResolutionReason.TOKEN_REVOKED);
    assertThat(endpoint.requests()).as("skipped until reconnected").hasSize(1);
  }

  @Test
  void theCompanyAccountMayLogInWithOAuth2Too() throws Exception {
    OAuth2Client client =
        OAuth2Client.microsoft("inair.example", "qm-company-client")
            .withTokenEndpoint(endpoint.uri());
    CompanySender company =
        CompanySender.of(
            new SmtpAccount(server, COMPANY, OAuth2Grant.of(client, Secret.of(COMPANY + "|rt-0"))),
            EmailAddress.of(COMPANY),
            "INAIR");
    QuoteMailer mailer = mailer(company);
    users.delete("juan");

    DeliveryReceipt receipt = mailer.send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.NOT_CONFIGURED);
    assertThat(fromAddresses()).containsExactly(COMPANY);
    assertThat(endpoint.requests().get(0)).containsEntry("client_id", "qm-company-client");
  }

  @Test
  void theCompanyAccountsRotatedTokenIsStoredSoARestartContinuesFromIt() {
    endpoint.rotate = true;
    InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore();
    users.delete("juan");

    closer.track(companyMailer(COMPANY + "|rt-0", store)).send(MailerFixture.email());
    clock.advance(Duration.ofHours(2));
    closer.track(companyMailer(COMPANY + "|rt-0", store)).send(MailerFixture.email());
    clock.advance(Duration.ofHours(2));
    closer.track(companyMailer(COMPANY + "|rt-new-grant", store)).send(MailerFixture.email());

    assertThat(endpoint.requests())
        .extracting(form -> form.get("refresh_token"))
        .as("a restart uses the stored token; a new configured grant starts a new chain")
        .containsExactly(COMPANY + "|rt-0", COMPANY + "|rt-1", COMPANY + "|rt-new-grant");
  }

  @Test
  void verifyingAnOAuth2AccountLogsInWithXoauth2AndRecordsTheResult() {
    QuoteMailer mailer = mailer();

    VerificationResult result = mailer.verify(users.find("juan").orElseThrow());

    assertThat(result.succeeded()).isTrue();
    assertThat(endpoint.requests()).hasSize(1);
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);
  }

  private static DeliveryReceipt sendAfter(CountDownLatch start, QuoteMailer mailer)
      throws InterruptedException {
    start.await();
    return mailer.send(MailerFixture.email());
  }

  private String storedRefreshToken() {
    StoredCredential.OAuth2 grant =
        (StoredCredential.OAuth2) users.find("juan").orElseThrow().credential();
    return cipher.decrypt(grant.refreshToken(), "juan").reveal();
  }

  private List<String> fromAddresses() throws Exception {
    List<String> from = new java.util.ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      from.add(((InternetAddress) m.getFrom()[0]).getAddress());
    }
    return from;
  }

  private QuoteMailer companyMailer(String refreshToken, InMemoryRefreshTokenStore store) {
    OAuth2Client client =
        OAuth2Client.microsoft("inair.example", "qm-company-client")
            .withTokenEndpoint(endpoint.uri());
    CompanySender company =
        CompanySender.of(
            new SmtpAccount(server, COMPANY, OAuth2Grant.of(client, Secret.of(refreshToken))),
            EmailAddress.of(COMPANY),
            "INAIR");
    return MailerFixture.mailer(company, users, log, listener())
        .tokenProvider(new HttpTokenProvider())
        .refreshTokens(store)
        .clock(clock)
        .connectionReuse(0, Duration.ofSeconds(1))
        .build();
  }

  private QuoteMailer mailer() {
    return mailer(MailerFixture.company(server));
  }

  private QuoteMailer mailer(CompanySender company) {
    return closer.track(
        MailerFixture.mailer(company, users, log, listener())
            .tokenProvider(new HttpTokenProvider())
            .clock(clock)
            .connectionReuse(0, Duration.ofSeconds(1))
            .build());
  }

  private DeliveryListener listener() {
    return new DeliveryListener() {
      @Override
      public void onCredentialsRejected(String userId, SmtpReply reply) {
        events.add("rejected " + userId + " " + reply.replyClass());
      }

      @Override
      public void onFallback(String userId, String quoteNumber, ResolutionReason reason) {
        events.add("fallback " + userId + " " + reason);
      }
    };
  }

  /** A clock the test moves forward; token lifetimes are read from it. */
  private static final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    SettableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
