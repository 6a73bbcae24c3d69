package io.github.quotemailer;

import static io.github.quotemailer.testing.MailerFixture.COMPANY;
import static io.github.quotemailer.testing.MailerFixture.COMPANY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.delivery.Page;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.OutboxState;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.CapturedLogs;
import io.github.quotemailer.testing.LoopbackMail;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import jakarta.mail.internet.MimeMessage;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stored password the key ring cannot open (its key left the ring, or the stored text was
 * altered) is not "not configured": the quote goes out from the company with its own reason, the
 * settings are marked, and the host is told.
 */
class UnreadableSecretTest {
  private static final String JUAN_PASSWORD = "juan-Unreadable-77";
  private static final KeyRing RETIRED =
      KeyRing.of("k0", Base64.getDecoder().decode("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="));

  @RegisterExtension
  static GreenMailExtension greenMail =
      LoopbackMail.smtps(Map.of(COMPANY, COMPANY_PASSWORD, "juan@inair.example", JUAN_PASSWORD));

  @RegisterExtension CapturedLogs logs = new CapturedLogs();

  private final InMemoryUserSmtpRepository users = new InMemoryUserSmtpRepository();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private SmtpServer server;
  private QuoteMailer mailer;

  @BeforeEach
  void setUp() {
    server = MailerFixture.server(greenMail.getSmtps().getPort(), TransportSecurity.IMPLICIT_TLS);
    DeliveryListener listener =
        new DeliveryListener() {
          @Override
          public void onSecretUnreadable(String userId, String keyId, String problem) {
            events.add("unreadable " + userId + " " + keyId);
          }

          @Override
          public void onFallback(String userId, String quoteNumber, ResolutionReason reason) {
            events.add("fallback " + userId + " " + reason);
          }
        };
    mailer =
        MailerFixture.mailer(
                MailerFixture.company(server), users, new InMemoryDeliveryLog(), listener)
            .outbox(outbox)
            .build();
  }

  @AfterEach
  void close() {
    mailer.close();
    logs.assertNeverShows(JUAN_PASSWORD);
  }

  @Test
  void aPasswordWhoseKeyLeftTheRingSendsFromTheCompanyAsSecretUnreadable() throws Exception {
    users.save(settingsEncryptedWith(SecretCipher.create(RETIRED), "juan"));

    DeliveryReceipt receipt =
        mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.SECRET_UNREADABLE);
    assertThat(receipt.authenticatedAs().value()).isEqualTo(COMPANY);
    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getHeader("Reply-To", null)).contains("juan@inair.example");
    SettingsHealth health = users.find("juan").orElseThrow().health();
    assertThat(health.status()).isEqualTo(SettingsHealth.Status.UNREADABLE);
    assertThat(health.serverReply()).get().asString().contains("'k0'").contains("key ring");
    assertThat(events).containsExactly("unreadable juan k0", "fallback juan SECRET_UNREADABLE");
    assertThat(logs.text()).contains("UNREADABLE").contains("k0");
  }

  @Test
  void laterSendsSkipTheMarkedSettingsWithoutTellingTheHostAgain() {
    users.save(settingsEncryptedWith(SecretCipher.create(RETIRED), "juan"));
    mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));
    events.clear();

    DeliveryReceipt second =
        mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example").withDealId("2"));

    assertThat(second.reason()).isEqualTo(ResolutionReason.SECRET_UNREADABLE);
    assertThat(events).containsExactly("fallback juan SECRET_UNREADABLE");
  }

  @Test
  void aPasswordStoredForAnotherUserIdIsUnreadableNotNotConfigured() {
    // Encrypted with the right key but bound to another owner: the tag check fails.
    UserSmtpSettings forAna = settingsEncryptedWith(SecretCipher.create(MailerFixture.KEYS), "ana");
    users.save(
        new UserSmtpSettings(
            "juan",
            forAna.address(),
            forAna.displayName(),
            forAna.username(),
            forAna.server(),
            new io.github.quotemailer.identity.StoredCredential.Password(
                forAna.credential().secret()),
            java.util.Optional.empty(),
            true,
            forAna.health()));

    DeliveryReceipt receipt =
        mailer.send(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example"));

    assertThat(receipt.reason()).isEqualTo(ResolutionReason.SECRET_UNREADABLE);
    assertThat(users.find("juan").orElseThrow().health().status())
        .isEqualTo(SettingsHealth.Status.UNREADABLE);
    assertThat(events).startsWith("unreadable juan " + MailerFixture.KEYS.newestKeyId());
  }

  @Test
  void aQueuedQuoteWithAnUnreadablePasswordIsDeliveredFromTheCompany() throws Exception {
    users.save(settingsEncryptedWith(SecretCipher.create(RETIRED), "juan"));
    String id = mailer.enqueue(QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example")).id();

    mailer.worker().build().runUntilIdle();

    assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    assertThat(mailer.deliveryLog().byQuote("COT-2025-0142", new Page(0, 10)))
        .singleElement()
        .satisfies(a -> assertThat(a.reason()).isEqualTo(ResolutionReason.SECRET_UNREADABLE));
    assertThat(events).contains("unreadable juan k0");
  }

  private UserSmtpSettings settingsEncryptedWith(SecretCipher cipher, String userId) {
    UserSmtpSettings verified = MailerFixture.verifiedSettings(userId, server, JUAN_PASSWORD);
    return verified
        .withPassword(cipher.encrypt(Secret.of(JUAN_PASSWORD), userId))
        .withHealth(verified.health());
  }
}
