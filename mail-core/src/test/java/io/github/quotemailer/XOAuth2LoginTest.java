package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.oauth2.TokenProvider;
import io.github.quotemailer.oauth2.TokenResponse;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.VerificationResult;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AUTH XOAUTH2 on the wire against a scripted STARTTLS server, and Microsoft's replies that switch
 * passwords off. The token endpoint itself is exercised by {@code oauth2-http}'s tests; here a
 * fixed token stands in for it, so what is checked is the SMTP side.
 */
@Timeout(60)
class XOAuth2LoginTest {
  private static final String SHORT_TOKEN = "ya29.short-Access-Token";
  private static final String REFRESH = "1//refresh-Token-never-logged";
  private static final URI ENDPOINT = URI.create("http://127.0.0.1:9/token");

  @RegisterExtension
  @Order(1)
  final CapturedLogs logs = CapturedLogs.neverShowing(SHORT_TOKEN, REFRESH, "juan-Pass-77");

  @RegisterExtension
  @Order(2)
  final Closer closer = new Closer();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final ScriptedSmtpServer company =
      closer.track(ScriptedSmtpServer.builder().security(Security.STARTTLS).start());

  @Test
  void aShortTokenGoesInlineAndTheQuoteLeavesFromTheUsersMailbox() {
    ScriptedSmtpServer own = closer.track(ownServer(SHORT_TOKEN).start());
    users.save(
        MailerFixture.oauth2Settings("juan", MailerFixture.starttls(own), ENDPOINT, REFRESH));

    DeliveryReceipt receipt = mailer(fixed(SHORT_TOKEN)).send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(own.commands()).contains("AUTH XOAUTH2 ***");
    assertThat(own.authAttempts())
        .containsExactly(new ScriptedSmtpServer.Credentials("juan@inair.example", SHORT_TOKEN));
    assertThat(own.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.mailFrom()).isEqualTo("juan@inair.example"));
    assertThat(company.connections()).isZero();
  }

  @Test
  void aTokenTooLongForOneCommandLineIsSentAfterAnEmpty334() {
    String longToken = "eyJ0eXAiOiJKV1Qi." + "x".repeat(2500);
    ScriptedSmtpServer own = closer.track(ownServer(longToken).start());
    users.save(
        MailerFixture.oauth2Settings("juan", MailerFixture.starttls(own), ENDPOINT, REFRESH));

    DeliveryReceipt receipt = mailer(fixed(longToken)).send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(own.commands())
        .as("the mechanism alone, the response on its own line")
        .contains("AUTH XOAUTH2")
        .doesNotContain("AUTH XOAUTH2 ***");
    assertThat(own.commands()).allSatisfy(line -> assertThat(line.length()).isLessThan(510));
    assertThat(own.authAttempts())
        .extracting(ScriptedSmtpServer.Credentials::password)
        .containsExactly(longToken);
  }

  @Test
  void aChallengeIsDecodedAndKeptAndTheCompanyAccountSends() {
    String json =
        "{\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}";
    ScriptedSmtpServer own =
        closer.track(ownServer("the-right-token").xoauth2Challenge(json).start());
    users.save(
        MailerFixture.oauth2Settings("juan", MailerFixture.starttls(own), ENDPOINT, REFRESH));

    DeliveryReceipt receipt = mailer(fixed(SHORT_TOKEN)).send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_REJECTED);
    DeliveryAttempt refused = log.all().get(0);
    assertThat(refused.replyClass()).isEqualTo(SmtpReplyClass.AUTH_REJECTED);
    assertThat(refused.replyText())
        .startsWith("535")
        .contains("Username and Password not accepted")
        .contains("XOAUTH2 challenge: " + json)
        .doesNotContain("OAUTH2 asked for more");
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.REJECTED);
    assertThat(company.messages()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "550 5.7.30 Basic authentication is not supported for Client Submission.",
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the"
            + " Tenant. Visit https://aka.ms/smtp_auth_disabled for more information."
      })
  void basicAuthSwitchedOffSaysTheMailboxNeedsOAuth2OnEverySurface(String reply) {
    ScriptedSmtpServer own =
        closer.track(
            ScriptedSmtpServer.builder().security(Security.STARTTLS).always("AUTH", reply).start());
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), "juan-Pass-77"));
    QuoteMailer mailer = mailer(fixed(SHORT_TOKEN));

    DeliveryReceipt receipt = mailer.send(MailerFixture.email());
    VerificationResult verified = mailer.verify(users.find("juan").orElseThrow());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_REJECTED);
    assertThat(company.messages()).hasSize(1);
    String advice = "this Microsoft 365 mailbox needs OAuth2: connect it with";
    DeliveryAttempt refused = log.all().get(0);
    assertThat(refused.replyClass()).isEqualTo(SmtpReplyClass.BASIC_AUTH_DISABLED);
    assertThat(refused.replyText()).startsWith(reply.substring(0, 10)).contains(advice);
    assertThat(events)
        .singleElement()
        .asString()
        .startsWith("rejected juan BASIC_AUTH_DISABLED")
        .contains(advice);
    assertThat(users.find("juan").orElseThrow().health().serverReply())
        .hasValueSatisfying(r -> assertThat(r).contains(advice));
    assertThat(verified.reply().replyClass()).isEqualTo(SmtpReplyClass.BASIC_AUTH_DISABLED);
    assertThat(verified.reply().describe()).contains(advice);
  }

  private ScriptedSmtpServer.Builder ownServer(String acceptedToken) {
    return ScriptedSmtpServer.builder()
        .security(Security.STARTTLS)
        .credentials("juan@inair.example", acceptedToken);
  }

  /** A token provider that always hands out {@code token}, valid for an hour. */
  private static TokenProvider fixed(String token) {
    return grant -> new TokenResponse(Secret.of(token), Duration.ofHours(1), Optional.empty());
  }

  private QuoteMailer mailer(TokenProvider tokens) {
    return closer.track(
        MailerFixture.mailer(
                MailerFixture.company(MailerFixture.starttls(company)), users, log, listener())
            .tokenProvider(tokens)
            .build());
  }

  private DeliveryListener listener() {
    return new DeliveryListener() {
      @Override
      public void onCredentialsRejected(String userId, SmtpReply reply) {
        events.add("rejected " + userId + " " + reply.replyClass() + " " + reply.describe());
      }
    };
  }
}
