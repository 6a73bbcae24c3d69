package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import io.github.quotemailer.testing.SlowDataServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ways a quote could go out twice, or not at all, that a careful host would worry about. */
@Timeout(60)
class DeliveryRobustnessTest {

  @Test
  void noReplyAfterDataIsReportedAsPossiblyDeliveredAndNotResent() throws Exception {
    try (SlowDataServer server = new SlowDataServer(n -> n == 2 ? 120_000 : 0);
        QuoteMailer mailer =
            mailer(MailerFixture.plain(server.port()), new DeliveryListener() {}).build()) {
      mailer.send(email("d-1"));

      assertThatThrownBy(() -> mailer.send(email("d-2")))
          .isInstanceOf(DeliveryException.class)
          .hasMessageContaining("may have been delivered")
          .hasMessageContaining("not resent");
      assertThat(server.bodies()).as("the slow quote went out once").hasSize(2);
    }
  }

  @Test
  void aListenerThatThrowsDoesNotMakeTheWorkerSendAgain() throws Exception {
    InMemoryOutbox outbox = new InMemoryOutbox();
    DeliveryListener buggy =
        new DeliveryListener() {
          @Override
          public void onDelivered(String userId, DeliveryReceipt receipt) {
            throw new IllegalStateException("host bug");
          }
        };
    try (ScriptedSmtpServer company =
            ScriptedSmtpServer.builder().security(Security.STARTTLS).start();
        QuoteMailer mailer =
            mailer(MailerFixture.starttls(company), buggy).outbox(outbox).build()) {
      EnqueueResult queued = mailer.enqueue(email("d-1"));

      mailer
          .worker()
          .retry(MailerFixture.FAST_RETRY)
          // Short enough that an entry left unmarked would be claimed again within the run, long
          // enough that a slow TLS handshake on a busy machine does not expire it mid-send.
          .lease(Duration.ofSeconds(2))
          .pollInterval(Duration.ofMillis(50))
          .build()
          .runUntilIdle();

      assertThat(company.messages()).hasSize(1);
      assertThat(outbox.find(queued.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    }
  }

  @Test
  void aFailingCompanyLoginKeepsQuotesQueuedInsteadOfDroppingThem() throws Exception {
    InMemoryOutbox outbox = new InMemoryOutbox();
    try (ScriptedSmtpServer company =
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .once("AUTH", "535 5.7.8 Authentication credentials invalid")
                .start();
        QuoteMailer mailer =
            mailer(MailerFixture.starttls(company), new DeliveryListener() {})
                .outbox(outbox)
                .build()) {
      EnqueueResult queued = mailer.enqueue(email("d-1"));

      mailer
          .worker()
          .retry(MailerFixture.FAST_RETRY)
          .pollInterval(Duration.ofMillis(50))
          .build()
          .runUntilIdle();

      assertThat(outbox.find(queued.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
      assertThat(company.messages()).hasSize(1);
    }
  }

  @Test
  void postfixRefusingTheSenderAtRcptFallsBackToTheCompany() throws Exception {
    InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
    try (ScriptedSmtpServer company =
            ScriptedSmtpServer.builder().security(Security.STARTTLS).start();
        ScriptedSmtpServer own =
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .always(
                    "RCPT",
                    "553 5.7.1 <juan@inair.example>: Sender address rejected: not owned by user juan")
                .start();
        QuoteMailer mailer =
            MailerFixture.mailer(
                    MailerFixture.company(MailerFixture.starttls(company)),
                    users,
                    new InMemoryDeliveryLog(),
                    new DeliveryListener() {})
                .build()) {
      users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(own), "pw-juan-1"));

      mailer.send(email("d-1"));

      assertThat(company.messages()).hasSize(1);
      assertThat(users.find("juan").orElseThrow().health().status())
          .isEqualTo(SettingsHealth.Status.REJECTED);
    }
  }

  @Test
  void aStoredPasswordIsNeverSentToAServerItWasNotStoredFor() throws Exception {
    InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
    try (ScriptedSmtpServer trusted =
            ScriptedSmtpServer.builder().security(Security.STARTTLS).start();
        ScriptedSmtpServer elsewhere =
            ScriptedSmtpServer.builder().security(Security.STARTTLS).start();
        QuoteMailer mailer =
            MailerFixture.mailer(
                    MailerFixture.company(MailerFixture.starttls(trusted)),
                    users,
                    new InMemoryDeliveryLog(),
                    new DeliveryListener() {})
                .build()) {
      UserSmtpSettings stored =
          MailerFixture.verifiedSettings("juan", MailerFixture.starttls(trusted), "pw-juan-1");
      users.save(stored);
      UserSmtpSettings moved = stored.withServer(MailerFixture.starttls(elsewhere));

      assertThat(moved.health().status()).isEqualTo(SettingsHealth.Status.UNVERIFIED);
      assertThatThrownBy(() -> mailer.verify(moved))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("enter the password again");
      assertThat(elsewhere.connections()).isZero();

      assertThat(mailer.verify(moved, Secret.of("typed-again-2")).succeeded()).isTrue();
      assertThat(elsewhere.authAttempts())
          .extracting(ScriptedSmtpServer.Credentials::password)
          .containsExactly("typed-again-2");
    }
  }

  @Test
  void aWorkerRunUntilIdleLeavesNoThreadsBehind() throws Exception {
    try (ScriptedSmtpServer company =
            ScriptedSmtpServer.builder().security(Security.STARTTLS).start();
        QuoteMailer mailer =
            mailer(MailerFixture.starttls(company), new DeliveryListener() {}).build()) {
      for (int i = 0; i < 3; i++) {
        mailer.enqueue(email("d-" + i));
        mailer.worker().pollInterval(Duration.ofMillis(50)).build().runUntilIdle();
      }

      assertThat(company.messages()).hasSize(3);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  Thread.getAllStackTraces().keySet().stream()
                      .noneMatch(
                          t -> t.getName().startsWith("quotemailer-worker-") && t.isAlive()));
    }
  }

  private static QuoteEmail email(String deal) {
    return QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId(deal);
  }

  private static QuoteMailer.Builder mailer(SmtpServer company, DeliveryListener listener) {
    return MailerFixture.mailer(
        MailerFixture.company(company),
        new InMemoryUserSmtpRepository(),
        new InMemoryDeliveryLog(),
        listener);
  }
}
