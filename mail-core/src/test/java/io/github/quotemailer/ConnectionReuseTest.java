package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SMTP connections are reused per sender identity. */
@Timeout(60)
class ConnectionReuseTest {
  @Test
  void severalQuotesFromOneIdentityShareOneConnection() {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.builder().security(Security.STARTTLS).start();
        QuoteMailer mailer = mailer(server, 2, Duration.ofSeconds(30))) {
      for (int i = 0; i < 4; i++) {
        mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));
      }

      assertThat(server.messages()).hasSize(4);
      assertThat(server.connections()).isEqualTo(1);
      assertThat(server.authAttempts()).hasSize(1);
    }
  }

  @Test
  void aFailureReplyOnAReusedConnectionIsRetriedOnAFreshOne() {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.builder()
                .security(Security.STARTTLS)
                .once("MAIL", "250 2.1.0 OK")
                .once("MAIL", "421 4.4.2 idle too long, closing connection")
                .start();
        QuoteMailer mailer = mailer(server, 2, Duration.ofSeconds(30))) {
      mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));
      assertThat(server.connections()).isEqualTo(1);
      // The server answers the second MAIL on the reused connection with 421: a real reply, so
      // it counts as a failed attempt, and the default policy retries once more.
      DeliveryReceipt second =
          mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));

      assertThat(server.messages()).hasSize(2);
      assertThat(second.attempts()).isEqualTo(2);
      assertThat(server.connections())
          .as("the connection that answered 421 is dropped and a new one is opened")
          .isEqualTo(2);
      assertThat(server.authAttempts()).as("the new connection logs in again").hasSize(2);
    }
  }

  @Test
  void reuseCanBeSwitchedOff() {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.builder().security(Security.STARTTLS).start();
        QuoteMailer mailer = mailer(server, 0, Duration.ofSeconds(30))) {
      mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));
      mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));

      assertThat(server.connections()).isEqualTo(2);
    }
  }

  private static QuoteMailer mailer(ScriptedSmtpServer server, int idle, Duration timeout) {
    return MailerFixture.mailer(
            MailerFixture.company(
                MailerFixture.server(server.port(), TransportSecurity.STARTTLS_REQUIRED)),
            new InMemoryUserSmtpRepository(),
            new InMemoryDeliveryLog(),
            new DeliveryListener() {})
        .connectionReuse(idle, timeout)
        .build();
  }
}
