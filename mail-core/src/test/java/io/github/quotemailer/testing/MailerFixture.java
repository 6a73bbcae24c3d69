package io.github.quotemailer.testing;

import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** Builds a mailer against test servers, with the company mailbox ventas@inair.example. */
public final class MailerFixture {
  /** The company mailbox. */
  public static final String COMPANY = "ventas@inair.example";

  /** The company account's password; tests check it never reaches a log. */
  public static final String COMPANY_PASSWORD = "Compañía-S3cret-ventas!";

  /** Fixed test key; real keys come from the host. */
  public static final KeyRing KEYS =
      KeyRing.of(
          "test1", Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));

  /** Retries within milliseconds, so a worker test drains its outbox at once. */
  public static final RetrySettings FAST_RETRY =
      new RetrySettings(6, Duration.ofMillis(20), Duration.ofMillis(200), 0.2, Duration.ofHours(1));

  /** Short timeouts so failure tests finish quickly. */
  public static final Duration SHORT = Duration.ofSeconds(2);

  private MailerFixture() {}

  /** A server on loopback trusting the test certificate. */
  public static SmtpServer server(int port, TransportSecurity security) {
    return SmtpServer.builder("127.0.0.1", port, security)
        .connectTimeout(SHORT)
        .readTimeout(SHORT)
        .writeTimeout(SHORT)
        .trustStore(TestTls.trustStorePath(), TestTls.TRUST_STORE_PASSWORD.toCharArray())
        .build();
  }

  /** {@code server} as an SMTP server that requires STARTTLS, trusting the test certificate. */
  public static SmtpServer starttls(ScriptedSmtpServer server) {
    return server(server.port(), TransportSecurity.STARTTLS_REQUIRED);
  }

  /** A plain-text loopback server on {@code port} (no TLS: loopback only), short timeouts. */
  public static SmtpServer plain(int port) {
    return SmtpServer.builder("127.0.0.1", port, TransportSecurity.PLAIN)
        .connectTimeout(SHORT)
        .readTimeout(SHORT)
        .writeTimeout(SHORT)
        .build();
  }

  /** The sample quote of salesperson juan to the customer compras@hsjn.example. */
  public static QuoteEmail email() {
    return QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example");
  }

  /** The company sender on {@code server}. */
  public static CompanySender company(SmtpServer server) {
    return new CompanySender(
        new SmtpAccount(server, COMPANY, Secret.of(COMPANY_PASSWORD)),
        EmailAddress.of(COMPANY),
        "INAIR",
        Set.of());
  }

  /** Verified settings for {@code userId} on {@code server} with {@code password}. */
  public static UserSmtpSettings verifiedSettings(
      String userId, SmtpServer server, String password) {
    EmailAddress address = EmailAddress.of(userId + "@inair.example");
    return new UserSmtpSettings(
        userId,
        address,
        "Juan Pérez",
        address.value(),
        Optional.of(server),
        new io.github.quotemailer.identity.StoredCredential.Password(
            SecretCipher.create(KEYS).encrypt(Secret.of(password), userId)),
        java.util.Optional.empty(),
        true,
        SettingsHealth.verified(Instant.parse("2025-12-01T10:00:00Z"), "235 ok"));
  }

  /**
   * Verified settings for {@code userId} on {@code server} that log in with an OAuth2 grant of a
   * public client whose token endpoint is {@code tokenEndpoint}, holding {@code refreshToken}.
   */
  public static UserSmtpSettings oauth2Settings(
      String userId, SmtpServer server, java.net.URI tokenEndpoint, String refreshToken) {
    EmailAddress address = EmailAddress.of(userId + "@inair.example");
    io.github.quotemailer.oauth2.OAuth2Client client =
        io.github.quotemailer.oauth2.OAuth2Client.microsoft("inair.example", "qm-test-client")
            .withTokenEndpoint(tokenEndpoint);
    return UserSmtpSettings.draft(userId, address, "Juan Pérez")
        .server(server)
        .withCredential(
            new io.github.quotemailer.identity.StoredCredential.OAuth2(
                client,
                SecretCipher.create(KEYS).encrypt(Secret.of(refreshToken), userId),
                Optional.empty()))
        .withHealth(SettingsHealth.verified(Instant.parse("2025-12-01T10:00:00Z"), "235 ok"));
  }

  /** A mailer builder wired to in-memory stores, {@code company}, and no retry pauses. */
  public static QuoteMailer.Builder mailer(
      CompanySender company,
      InMemoryUserSmtpRepository users,
      InMemoryDeliveryLog log,
      DeliveryListener listener) {
    return QuoteMailer.builder()
        .companySender(company)
        .keyRing(KEYS)
        .renderer(new TinyPdfRenderer())
        .userSettings(users)
        .deliveryLog(log)
        .listener(listener)
        .fallbackPolicy(FallbackPolicy.builder().retryDelay(Duration.ZERO).build())
        .verifyDeadline(Duration.ofSeconds(5));
  }
}
