package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.LoopbackMail;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's storage snippets, run: H2 as the host's database, GreenMail as the server. */
class StoreInYourDatabaseTest {
  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtp(
          Map.of("ventas@inair.example", "company-pass-3", "juan@inair.example", "juan-pass-3"));

  private final JdbcDataSource dataSource = new JdbcDataSource();
  private StoreInYourDatabase crm;
  private Connection keepAlive;

  @BeforeEach
  void start() throws Exception {
    dataSource.setURL("jdbc:h2:mem:crm-" + System.nanoTime());
    keepAlive = dataSource.getConnection();
    try (Statement s = keepAlive.createStatement()) {
      s.execute("create table deals (id varchar(20) primary key, stage varchar(20))");
      s.execute("insert into deals values ('deal-42', 'NEGOTIATION')");
    }
    SmtpServer server =
        SmtpServer.of("127.0.0.1", greenMail.getSmtp().getPort(), TransportSecurity.PLAIN);
    CompanySender company =
        CompanySender.of(
            new SmtpAccount(server, "ventas@inair.example", Secret.of("company-pass-3")),
            EmailAddress.of("ventas@inair.example"),
            "INAIR");
    crm =
        new StoreInYourDatabase(dataSource, company, KeyRing.parse(KeyRing.generateKeySpec("k1")));
  }

  @AfterEach
  void stop() throws Exception {
    crm.close();
    keepAlive.close();
  }

  @Test
  void aVerifiedMailboxSendsTheQuoteEnqueuedWithTheDealMove() throws Exception {
    assertThat(
            crm.connectMailbox("juan", "juan@inair.example", "Juan Pérez", Secret.of("juan-pass-3"))
                .health()
                .status())
        .isEqualTo(SettingsHealth.Status.VERIFIED);

    EnqueueResult queued =
        crm.moveToQuoteSent("deal-42", QuoteFiles.sample(), "compras@hsjn.example");

    await().atMost(Duration.ofSeconds(20)).until(() -> greenMail.getReceivedMessages().length == 1);
    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getHeader("From", null)).contains("juan@inair.example");
    assertThat(received.getMessageID()).isEqualTo(queued.messageId());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                crm.mailer().outbox().find(queued.id()).orElseThrow().state() == OutboxState.SENT);
    try (Statement s = keepAlive.createStatement();
        var rows = s.executeQuery("select stage from deals where id = 'deal-42'")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("QUOTE_SENT");
    }
  }

  @Test
  void aFailedDealMoveEnqueuesNothing() {
    assertThatThrownBy(
            () -> crm.moveToQuoteSent("no-such-deal", QuoteFiles.sample(), "compras@hsjn.example"))
        .isInstanceOf(SQLException.class);

    assertThat(crm.mailer().outbox().status(Instant.now()).countsByState()).isEmpty();
  }
}
