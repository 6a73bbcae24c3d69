package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When a salesperson's own settings may send at all (enabled, verified unless the host says
 * otherwise), and what a host's policy for a full quota does, on the direct path: the user's own
 * server counts every connection, so a settings row that should have been skipped shows.
 */
@Timeout(60)
class OwnAccountEligibilityTest {
  private static final String JUAN_PASSWORD = "juan-Eligible-Pass-19";

  @RegisterExtension
  @Order(1)
  final CapturedLogs logs = CapturedLogs.neverShowing(JUAN_PASSWORD);

  @RegisterExtension
  @Order(2)
  final Closer closer = new Closer();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final ScriptedSmtpServer company = closer.track(server(ScriptedSmtpServer.builder()));
  private final ScriptedSmtpServer own =
      closer.track(
          server(ScriptedSmtpServer.builder().credentials("juan@inair.example", JUAN_PASSWORD)));

  @Test
  void disabledSettingsAreNeverUsedEvenWhenVerified() {
    users.save(
        MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD)
            .withEnabled(false));

    DeliveryReceipt receipt = mailer(FallbackPolicy.builder()).send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.NOT_CONFIGURED);
    assertThat(receipt.authenticatedAs().value()).isEqualTo(MailerFixture.COMPANY);
    assertThat(receipt.replyTo())
        .hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("juan@inair.example"));
    assertThat(own.connections()).as("disabled settings must not be tried").isZero();
    assertThat(company.messages()).hasSize(1);
  }

  @Test
  void unverifiedSettingsSendFromTheCompanyByDefault() {
    users.save(
        MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD)
            .withHealth(SettingsHealth.unverified()));

    DeliveryReceipt receipt = mailer(FallbackPolicy.builder()).send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.NOT_VERIFIED);
    assertThat(own.connections()).as("unverified settings must not be tried").isZero();
    assertThat(company.messages()).hasSize(1);
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.UNVERIFIED);
  }

  @Test
  void aHostThatDoesNotRequireVerificationSendsFromUnverifiedSettings() {
    users.save(
        MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), JUAN_PASSWORD)
            .withHealth(SettingsHealth.unverified()));

    DeliveryReceipt receipt =
        mailer(FallbackPolicy.builder().requireVerified(false)).send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT);
    assertThat(own.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.mailFrom()).isEqualTo("juan@inair.example"));
    assertThat(company.connections()).isZero();
    assertThat(users.find("juan").orElseThrow().health().status())
        .as("a successful send proves the login")
        .isEqualTo(SettingsHealth.Status.VERIFIED);
  }

  @Test
  void aHostPolicyThatFallsBackOnAFullQuotaSendsFromTheCompanyAtOnce() {
    ScriptedSmtpServer full =
        closer.track(
            server(
                ScriptedSmtpServer.builder()
                    .always("DATA", "550 5.4.5 Daily user sending quota exceeded")));
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(full), JUAN_PASSWORD));

    DeliveryReceipt receipt =
        mailer(FallbackPolicy.builder().on(SmtpReplyClass.QUOTA, FallbackAction.FALL_BACK))
            .send(MailerFixture.email());

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.OWN_ACCOUNT_QUOTA);
    assertThat(receipt.attempts()).isEqualTo(2);
    assertThat(full.connections()).as("a full quota is not retried").isEqualTo(1);
    assertThat(company.messages()).hasSize(1);
    assertThat(log.all())
        .extracting(DeliveryAttempt::replyClass, DeliveryAttempt::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SmtpReplyClass.QUOTA, ResolutionReason.OWN_ACCOUNT),
            org.assertj.core.groups.Tuple.tuple(
                SmtpReplyClass.ACCEPTED, ResolutionReason.OWN_ACCOUNT_QUOTA));
    assertThat(users.find("juan").orElseThrow().health().status())
        .as("a full mailbox is not a wrong password")
        .isEqualTo(SettingsHealth.Status.VERIFIED);
  }

  private QuoteMailer mailer(FallbackPolicy.Builder policy) {
    return closer.track(
        MailerFixture.mailer(
                MailerFixture.company(MailerFixture.starttls(company)),
                users,
                log,
                new DeliveryListener() {})
            .fallbackPolicy(policy.retryDelay(Duration.ZERO).build())
            .build());
  }

  private static ScriptedSmtpServer server(ScriptedSmtpServer.Builder builder) {
    return builder.security(Security.STARTTLS).start();
  }
}
