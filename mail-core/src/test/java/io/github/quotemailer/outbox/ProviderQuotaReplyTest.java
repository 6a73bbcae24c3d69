package io.github.quotemailer.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.quotemailer.DeliveryException;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A provider that answers "550 5.4.5 Daily user sending quota exceeded" pauses that mailbox on
 * every node: the quote waits without a dead letter and without counting an attempt, later quotes
 * of the same user wait without a connection, and the password is not taken for a wrong one.
 */
@Timeout(60)
class ProviderQuotaReplyTest {
  private static final String JUAN_PASSWORD = "juan-Quota-Pass-3";
  private static final String FULL = "550 5.4.5 Daily user sending quota exceeded";

  @RegisterExtension final Closer closer = new Closer();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final List<String> deadLettered = new CopyOnWriteArrayList<>();

  @ParameterizedTest
  @ValueSource(strings = {"MAIL", "RCPT"})
  void aQuotaReplyPausesTheIdentityAndLaterQuotesWaitWithoutConnecting(String verb)
      throws Exception {
    ScriptedSmtpServer company = scripted(ScriptedSmtpServer.builder());
    ScriptedSmtpServer full = scripted(ScriptedSmtpServer.builder().always(verb, FULL));
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(full), JUAN_PASSWORD));
    QuoteMailer mailer = mailer(company);
    String first = mailer.enqueue(email(1)).id();
    Instant before = Instant.now();
    worker(mailer).build().runUntilIdle();
    String second = mailer.enqueue(email(2)).id();

    worker(mailer).build().runUntilIdle();

    for (String id : List.of(first, second)) {
      OutboxEntry entry = outbox.find(id).orElseThrow();
      assertThat(entry.state()).isEqualTo(OutboxState.PENDING);
      assertThat(entry.attempts()).as("a pause is no attempt").isZero();
      assertThat(entry.nextAttemptAt())
          .isAfterOrEqualTo(before.plus(MailerFixture.FAST_RETRY.quotaDeferral()));
      assertThat(entry.lastError())
          .hasValueSatisfying(e -> assertThat(e).startsWith("paused after " + FULL));
    }
    assertThat(full.connections()).as("the second quote did not connect").isEqualTo(1);
    assertThat(company.connections()).isZero();
    assertThat(outbox.status(Instant.now()).deferred()).isEqualTo(2);
    assertThat(deadLettered).isEmpty();
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);
    assertThat(log.all())
        .extracting(
            DeliveryAttempt::outcome, DeliveryAttempt::replyClass, DeliveryAttempt::replyCode)
        .containsExactly(
            tuple(DeliveryOutcome.FAILED_TRANSIENT, SmtpReplyClass.QUOTA, 550),
            tuple(DeliveryOutcome.DEFERRED, SmtpReplyClass.QUOTA, 0),
            tuple(DeliveryOutcome.DEFERRED, SmtpReplyClass.QUOTA, 0));
  }

  @Test
  void aPauseLastsTheWindowOfTheIdentitysLimitWhenItHasOne() throws Exception {
    ScriptedSmtpServer company = scripted(ScriptedSmtpServer.builder());
    ScriptedSmtpServer full = scripted(ScriptedSmtpServer.builder().always("MAIL", FULL));
    users.save(
        MailerFixture.verifiedSettings("juan", MailerFixture.starttls(full), JUAN_PASSWORD)
            .withSendingLimit(Optional.of(SendingLimit.of(250, Duration.ofDays(1)))));
    QuoteMailer mailer = mailer(company);
    String id = mailer.enqueue(email(1)).id();
    Instant before = Instant.now();

    worker(mailer).build().runUntilIdle();

    assertThat(outbox.find(id).orElseThrow().nextAttemptAt())
        .isBetween(before.plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
  }

  @Test
  void aDirectSendAfterAQuotaReplyIsRefusedAndTheNextOneDoesNotConnect() {
    ScriptedSmtpServer company = scripted(ScriptedSmtpServer.builder());
    ScriptedSmtpServer full = scripted(ScriptedSmtpServer.builder().always("MAIL", FULL));
    users.save(MailerFixture.verifiedSettings("juan", MailerFixture.starttls(full), JUAN_PASSWORD));
    QuoteMailer mailer = mailer(company);

    DeliveryException first =
        catchThrowableOfType(DeliveryException.class, () -> mailer.send(email(1)));
    DeliveryException second =
        catchThrowableOfType(DeliveryException.class, () -> mailer.send(email(2)));

    assertThat(first.replyClass()).isEqualTo(SmtpReplyClass.QUOTA);
    assertThat(first).hasMessageContaining("defers").hasMessageContaining("try again at");
    assertThat(second.replyClass()).isEqualTo(SmtpReplyClass.QUOTA);
    assertThat(second).hasMessageContaining("paused after " + FULL);
    assertThat(full.connections()).isEqualTo(1);
    assertThat(company.connections()).isZero();
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);
  }

  private QuoteMailer mailer(ScriptedSmtpServer company) {
    DeliveryListener listener =
        new DeliveryListener() {
          @Override
          public void onDeadLettered(String userId, String quote, String messageId, String error) {
            deadLettered.add(messageId);
          }
        };
    return closer.track(
        MailerFixture.mailer(
                MailerFixture.company(MailerFixture.starttls(company)), users, log, listener)
            .fallbackPolicy(FallbackPolicy.builder().retryDelay(Duration.ZERO).build())
            .outbox(outbox)
            .build());
  }

  private static DeliveryWorker.Builder worker(QuoteMailer mailer) {
    return mailer
        .worker()
        .threads(1)
        .pollInterval(Duration.ofMillis(20))
        .idleHorizon(Duration.ZERO)
        .retry(MailerFixture.FAST_RETRY);
  }

  private static QuoteEmail email(int deal) {
    return QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("deal-" + deal);
  }

  private ScriptedSmtpServer scripted(ScriptedSmtpServer.Builder builder) {
    return closer.track(builder.security(Security.STARTTLS).start());
  }
}
