package io.github.quotemailer.benchmarks;

import java.util.concurrent.TimeUnit;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * Simple Java Mail with its batch module: every {@code sendMail} borrows a connection from the
 * module's SMTP connection pool and gives it back. Its defaults throughout (client-side address
 * validation, timeouts, socket options), except a pool core size of one, so one connection stays
 * open between batches as the reference's does within one. Messages are sent one after another from
 * one thread (synchronous {@code sendMail}), so the pool lends the same connection each time.
 */
final class SimpleJavaMailSender implements Sender {
  /** Connections the pool keeps open: one, like the reference's single connection. */
  static final int POOL_CORE_SIZE = 1;

  private final Mailer mailer;
  private final BenchmarkMessage message;

  SimpleJavaMailSender(LoopbackSmtp smtp, BenchmarkMessage message) {
    this.mailer =
        MailerBuilder.withSMTPServer(
                LoopbackSmtp.LOOPBACK,
                smtp.port(),
                LoopbackSmtp.COMPANY,
                LoopbackSmtp.COMPANY_PASSWORD)
            .withTransportStrategy(TransportStrategy.SMTP)
            .withConnectionPoolCoreSize(POOL_CORE_SIZE)
            .buildMailer();
    this.message = message;
  }

  @Override
  public String label() {
    return "Simple Java Mail, pooled";
  }

  @Override
  public String description() {
    return "Simple Java Mail "
        + RunConditions.libraryVersion("org.simplejavamail", "simple-java-mail")
        + " with its batch module (SMTP connection pool "
        + RunConditions.libraryVersion("org.simplejavamail", "smtp-connection-pool")
        + "): `MailerBuilder.withSMTPServer(...).withTransportStrategy(SMTP)"
        + ".withConnectionPoolCoreSize("
        + POOL_CORE_SIZE
        + ").buildMailer()`, otherwise its defaults; per message `EmailBuilder.startingBlank()`"
        + " with the same from, to, subject, text and PDF, then a synchronous"
        + " `mailer.sendMail(email)` on one thread, which borrows the pooled connection.";
  }

  @Override
  public Batch prepare(int count, String keyPrefix) {
    return () -> {
      for (int i = 0; i < count; i++) {
        mailer.sendMail(email()).get();
      }
    };
  }

  private Email email() {
    return EmailBuilder.startingBlank()
        .from(LoopbackSmtp.COMPANY)
        .to(LoopbackSmtp.CUSTOMER)
        .withSubject(message.content().subject())
        .withPlainText(message.content().text())
        .withAttachment(message.fileName(), message.pdf(), "application/pdf")
        .buildEmail();
  }

  @Override
  public void close() throws Exception {
    mailer.shutdownConnectionPool().get(30, TimeUnit.SECONDS);
  }
}
