package io.github.quotemailer.benchmarks;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.outbox.QueuedRendering;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;

/**
 * The SMTP server the delivery benchmarks send to: GreenMail in this JVM on 127.0.0.1, plain SMTP
 * with AUTH, holding the company account every sender logs in as. It also wires QuoteMailers that
 * send through that account (the salesperson has no SMTP settings of his own) and checks what
 * arrived, so every benchmark counts the same way.
 */
final class LoopbackSmtp implements AutoCloseable {
  static final String LOOPBACK = "127.0.0.1";
  static final String COMPANY = "ventas@inair.example";
  static final String COMPANY_PASSWORD = "benchmark-only-password";
  static final String CUSTOMER = "compras@hsjn.example";

  private final GreenMail greenMail;
  private final CompanySender company;
  private final KeyRing keys;

  private LoopbackSmtp(GreenMail greenMail, SecureRandom random) {
    this.greenMail = greenMail;
    SmtpServer server = SmtpServer.of(LOOPBACK, port(), TransportSecurity.PLAIN);
    this.company =
        CompanySender.of(
            new SmtpAccount(server, COMPANY, Secret.of(COMPANY_PASSWORD)),
            EmailAddress.of(COMPANY),
            "INAIR");
    byte[] key = new byte[KeyRing.KEY_BYTES];
    random.nextBytes(key);
    this.keys = KeyRing.of("bench", key);
  }

  /** Starts GreenMail on a free port with the company account. */
  static LoopbackSmtp start() {
    GreenMail greenMail =
        new GreenMail(new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(
                GreenMailConfiguration.aConfig().withUser(COMPANY, COMPANY, COMPANY_PASSWORD));
    greenMail.start();
    try {
      return new LoopbackSmtp(greenMail, new SecureRandom());
    } catch (RuntimeException e) {
      greenMail.stop();
      throw e;
    }
  }

  /** The port GreenMail listens on. */
  int port() {
    return greenMail.getSmtp().getPort();
  }

  /**
   * A QuoteMailer on {@code stores} that renders with {@code renderer} and sends from the company
   * account on this server.
   */
  QuoteMailer mailer(JdbcStores stores, QuoteDocumentRenderer renderer) {
    return mailer(stores, renderer, QuoteMailer.Builder.DEFAULT_QUEUED_RENDERING);
  }

  /**
   * Like {@link #mailer(JdbcStores, QuoteDocumentRenderer)}, rendering queued quotes {@code when}.
   */
  QuoteMailer mailer(JdbcStores stores, QuoteDocumentRenderer renderer, QueuedRendering when) {
    return QuoteMailer.builder()
        .queuedRendering(when)
        .companySender(company)
        .keyRing(keys)
        .renderer(renderer)
        .userSettings(stores.userSettings())
        .deliveryLog(stores.deliveryLog())
        .outbox(stores.outbox())
        .build();
  }

  /** A plain Jakarta Mail sender logging in as the company account. */
  BareJakartaMail bareJakartaMail(boolean tcpNoDelay) {
    return new BareJakartaMail(LOOPBACK, port(), COMPANY, COMPANY_PASSWORD, tcpNoDelay);
  }

  /** Empties every mailbox, so the next count starts at zero. */
  void purge() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
  }

  /** Fails unless GreenMail holds exactly {@code count} messages. */
  void requireReceived(int count) {
    int received = greenMail.getReceivedMessages().length;
    if (received != count) {
      throw new IllegalStateException(
          "GreenMail received " + received + " messages, expected " + count);
    }
  }

  /** The size of the first message GreenMail holds, as it would be written to a file. */
  long firstReceivedBytes() throws MessagingException, IOException {
    MimeMessage[] received = greenMail.getReceivedMessages();
    if (received.length == 0) {
      throw new IllegalStateException("GreenMail received nothing");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    received[0].writeTo(out);
    return out.size();
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
