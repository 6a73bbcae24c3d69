package io.github.quotemailer;

import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.SettingsHealth.Status;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.smtp.VerificationReport;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.LoopbackMail;
import io.github.quotemailer.testing.MailerFixture;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Verifying every user at once, e.g. after a legacy import left them all unverified. */
class VerifyAllTest {
  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtps(
          Map.of(
              COMPANY,
              COMPANY_PASSWORD,
              "u1@inair.example",
              "pass-u1-ok",
              "u2@inair.example",
              "pass-u2-ok",
              "u3@inair.example",
              "pass-u3-ok",
              "u4@inair.example",
              "pass-u4-ok",
              "bad@inair.example",
              "the-real-one"));

  @RegisterExtension CapturedLogs logs = new CapturedLogs();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private QuoteMailer mailer;

  @BeforeEach
  void setUp() {
    SmtpServer server =
        MailerFixture.server(greenMail.getSmtps().getPort(), TransportSecurity.IMPLICIT_TLS);
    mailer =
        MailerFixture.mailer(
                MailerFixture.company(server),
                users,
                new InMemoryDeliveryLog(),
                new DeliveryListener() {})
            .build();
  }

  @AfterEach
  void close() {
    mailer.close();
    assertThat(logs.text()).doesNotContain("pass-u1-ok").doesNotContain("wrong-pass-9");
  }

  @Test
  void checksEveryEnabledUserAndSummarisesByClass() {
    for (String u : new String[] {"u1", "u2", "u3", "u4"}) {
      save(u, "pass-" + u + "-ok");
    }
    save("bad", "wrong-pass-9");
    mailer.userSettings().save(draft("off").enabled(false), Secret.of("pass-off"));
    users.save(
        draft("lost")
            .withPassword(
                SecretCipher.create(
                        KeyRing.of(
                            "k0",
                            Base64.getDecoder()
                                .decode("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=")))
                    .encrypt(Secret.of("pass-lost"), "lost")));

    VerificationReport report = mailer.verifyAll(2);

    assertThat(report.countsByClass())
        .isEqualTo(Map.of(SmtpReplyClass.ACCEPTED, 4L, SmtpReplyClass.AUTH_REJECTED, 1L));
    assertThat(report.succeeded()).isEqualTo(4);
    assertThat(report.results()).containsOnlyKeys("u1", "u2", "u3", "u4", "bad");
    assertThat(report.problems()).containsOnlyKeys("lost");
    assertThat(report.problems().get("lost")).contains("'k0'");
    assertThat(report.skippedDisabled()).isEqualTo(1);
    assertThat(report.summary())
        .isEqualTo("checked=5 ACCEPTED=4 AUTH_REJECTED=1 unchecked=1 disabled=1");
    assertThat(users.find("u3").orElseThrow().health().status()).isEqualTo(Status.VERIFIED);
    assertThat(users.find("bad").orElseThrow().health().status()).isEqualTo(Status.REJECTED);
    assertThat(users.find("off").orElseThrow().health().status()).isEqualTo(Status.UNVERIFIED);
    assertThat(greenMail.getReceivedMessages()).as("nothing is sent").isEmpty();
  }

  @Test
  void noUsersMakesAnEmptyReport() {
    assertThat(mailer.verifyAll().summary()).isEqualTo("checked=0 unchecked=0 disabled=0");
  }

  @Test
  void theConcurrencyIsBounded() {
    assertThatThrownBy(() -> mailer.verifyAll(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("maxConcurrent:");
    assertThatThrownBy(() -> mailer.verifyAll(33)).isInstanceOf(InvalidInputException.class);
  }

  private void save(String userId, String password) {
    mailer.userSettings().save(draft(userId), Secret.of(password));
  }

  private UserSmtpSettings.Draft draft(String userId) {
    SmtpServer server =
        MailerFixture.server(greenMail.getSmtps().getPort(), TransportSecurity.IMPLICIT_TLS);
    return UserSmtpSettings.draft(userId, EmailAddress.of(userId + "@inair.example"), userId)
        .server(server);
  }
}
