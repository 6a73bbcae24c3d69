package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.DeliveryException;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryAttempt;
import io.github.quotemailer.delivery.DeliveryOutcome;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.LoopbackMail;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's sending-limit snippets, run on H2 against GreenMail. */
class LimitSendingTest {
  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtp(Map.of("ventas@inair.example", "company-pass-5"));

  private final JdbcDataSource dataSource = new JdbcDataSource();
  private Connection keepAlive;
  private JdbcStores stores;
  private QuoteMailer mailer;

  @BeforeEach
  void start() throws Exception {
    dataSource.setURL("jdbc:h2:mem:limits-" + System.nanoTime());
    keepAlive = dataSource.getConnection();
    stores = JdbcStores.create(dataSource);
    stores.migrate();
    SmtpServer server =
        SmtpServer.of("127.0.0.1", greenMail.getSmtp().getPort(), TransportSecurity.PLAIN);
    CompanySender company =
        CompanySender.of(
            new SmtpAccount(server, "ventas@inair.example", Secret.of("company-pass-5")),
            EmailAddress.of("ventas@inair.example"),
            "INAIR");
    mailer = LimitSending.mailer(stores, company, KeyRing.parse(KeyRing.generateKeySpec("k1")));
  }

  @AfterEach
  void stop() throws Exception {
    mailer.close();
    keepAlive.close();
  }

  @Test
  void theCompanyMailboxWaitsOnceItsOwnLimitIsUsedUp() {
    Instant now = Instant.now();
    for (int i = 0; i < 499; i++) {
      stores.deliveryLog().record(companySent(now.minusSeconds(3600 + i)));
    }
    QuoteEmail quote = QuoteEmail.of(QuoteFiles.sample(), "compras@hsjn.example");

    assertThat(mailer.send(quote.withDealId("deal-500")).reason())
        .isEqualTo(ResolutionReason.NOT_CONFIGURED);
    assertThatThrownBy(() -> mailer.send(quote.withDealId("deal-501")))
        .isInstanceOfSatisfying(
            DeliveryException.class,
            e -> assertThat(e.replyClass()).isEqualTo(SmtpReplyClass.QUOTA))
        .hasMessageContaining("sending limit 500/24h of ventas@inair.example reached");
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anAccountKeepsTheLimitItWasSavedWith() {
    SendingLimit fiveADay = SendingLimit.of(5, Duration.ofDays(1));

    assertThat(LimitSending.connectWithOwnLimit(mailer, Secret.of("juan-pass-5")).sendingLimit())
        .contains(fiveADay);
    assertThat(stores.userSettings().find("juan").orElseThrow().sendingLimit())
        .as("stored with the settings")
        .contains(fiveADay);
  }

  private static DeliveryAttempt companySent(Instant at) {
    return DeliveryAttempt.builder()
        .at(at)
        .userId("ana")
        .quoteNumber("COT-" + at.getEpochSecond())
        .messageId("<" + at.getEpochSecond() + "@inair.example>")
        .identity(EmailAddress.of("ventas@inair.example"))
        .reason(ResolutionReason.NOT_CONFIGURED)
        .recipients(List.of(EmailAddress.of("compras@hsjn.example")))
        .outcome(DeliveryOutcome.SENT)
        .replyClass(SmtpReplyClass.ACCEPTED)
        .replyCode(250)
        .replyText("250 OK")
        .duration(Duration.ofMillis(200))
        .build();
  }
}
