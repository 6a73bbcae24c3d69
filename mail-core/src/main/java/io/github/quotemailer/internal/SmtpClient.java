package io.github.quotemailer.internal;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.internal.SmtpReplyClassifier.Stage;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Talks SMTP through Angus Mail with safe settings: protocol {@code smtp} always (so the timeout
 * properties apply), STARTTLS required when TLS is not implicit, server identity checked, all three
 * timeouts set, write timeouts on one shared scheduler, and no debug output.
 */
public final class SmtpClient implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmtpClient.class);

  private final ScheduledExecutorService writeTimeouts;
  private final ExecutorService verifications;
  private final String heloName;
  private final ConcurrentHashMap<SmtpServer.TrustStore, SSLSocketFactory> trustFactories =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<TransportPool.Key, Session> sessions = new ConcurrentHashMap<>();
  private final TransportPool pool;
  private final ScheduledExecutorService evictions;

  /**
   * A client announcing itself as {@code heloName} in EHLO, keeping up to {@code
   * maxIdlePerIdentity} idle connections per sender identity for {@code idleTimeout}.
   */
  public SmtpClient(String heloName, int maxIdlePerIdentity, Duration idleTimeout) {
    this.heloName = heloName;
    this.writeTimeouts =
        Executors.newSingleThreadScheduledExecutor(daemon("quotemailer-smtp-write-timeout"));
    this.verifications = Executors.newCachedThreadPool(daemon("quotemailer-smtp-verify"));
    this.pool = new TransportPool(maxIdlePerIdentity, idleTimeout);
    // Its own thread: closing a connection can block, and must never delay a write timeout.
    this.evictions = Executors.newSingleThreadScheduledExecutor(daemon("quotemailer-smtp-idle"));
    long every = Math.max(1, idleTimeout.toMillis() / 2);
    evictions.scheduleWithFixedDelay(this::evictIdle, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Sends {@code message} to {@code recipients} as {@code account}, with {@code envelopeFrom} in
   * MAIL FROM. Returns the server's reply to DATA.
   */
  public SmtpReply send(
      SmtpAccount account,
      EmailAddress envelopeFrom,
      MimeMessage message,
      List<EmailAddress> recipients,
      long messageBytes,
      Runnable beforeData)
      throws SmtpFailure {
    TransportPool.Key key = keyOf(account, envelopeFrom);
    Optional<SMTPTransport> pooled = pool.borrow(key);
    if (pooled.isPresent()) {
      try {
        return sendOn(pooled.get(), key, message, recipients, messageBytes, beforeData);
      } catch (SmtpFailure failure) {
        // A pooled connection the server closed while idle is not a failed attempt: retry once
        // on a fresh connection. Any reply from the server is a real outcome.
        if (failure.reply().code() != 0 || failure.outcomeUnknown()) {
          throw failure;
        }
      }
    }
    SMTPTransport transport =
        transport(
            sessions.computeIfAbsent(
                key, k -> session(account.server(), envelopeFrom, account.server().readTimeout())));
    try {
      transport.connect(
          account.server().host(),
          account.server().port(),
          account.username(),
          account.password().reveal());
    } catch (MessagingException e) {
      closeQuietly(transport);
      throw new SmtpFailure(classify(e, transport, Stage.CONNECT), e);
    }
    return sendOn(transport, key, message, recipients, messageBytes, beforeData);
  }

  private SmtpReply sendOn(
      SMTPTransport transport,
      TransportPool.Key key,
      MimeMessage message,
      List<EmailAddress> recipients,
      long messageBytes,
      Runnable beforeData)
      throws SmtpFailure {
    boolean keep = false;
    try {
      checkSize(transport, messageBytes);
      ((DataAwareTransport) transport).beforeData(beforeData);
      transport.sendMessage(message, internetAddresses(recipients));
      SmtpReply reply =
          SmtpReply.accepted(transport.getLastReturnCode(), transport.getLastServerResponse());
      keep = true;
      return reply;
    } catch (MessagingException e) {
      SmtpReply reply = classify(e, transport, Stage.MAIL_FROM);
      boolean unknown = ((DataAwareTransport) transport).dataReached() && reply.code() == 0;
      throw new SmtpFailure(reply, e, unknown);
    } finally {
      if (keep) {
        pool.giveBack(key, transport);
      } else {
        closeQuietly(transport);
      }
    }
  }

  private void evictIdle() {
    try {
      pool.evictIdle();
    } catch (RuntimeException e) {
      // A failed sweep must not cancel the schedule; the next one tries again.
      LOG.warn("closing idle SMTP connections failed: {}", e.toString());
    }
  }

  private static TransportPool.Key keyOf(SmtpAccount account, EmailAddress envelopeFrom) {
    SmtpServer server = account.server();
    return new TransportPool.Key(
        server.host(),
        server.port(),
        server.security(),
        account.username(),
        account.password().hashCode(),
        envelopeFrom.value());
  }

  /**
   * Proves an account without sending anything: TLS, EHLO, AUTH, MAIL FROM, RCPT TO the probe,
   * RSET, QUIT, all within {@code deadline}.
   */
  public SmtpReply verify(
      SmtpAccount account, EmailAddress from, EmailAddress probe, Duration deadline) {
    Duration readTimeout = min(account.server().readTimeout(), deadline);
    Future<SmtpReply> result =
        verifications.submit(() -> verifyNow(account, from, probe, readTimeout));
    try {
      return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      return new SmtpReply(
          SmtpReplyClass.TRANSIENT,
          0,
          Optional.empty(),
          "verification did not finish within " + deadline.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SmtpReply(SmtpReplyClass.TRANSIENT, 0, Optional.empty(), "interrupted");
    } catch (ExecutionException e) {
      return new SmtpReply(
          SmtpReplyClass.TRANSIENT, 0, Optional.empty(), "verification failed: " + e.getCause());
    }
  }

  private SmtpReply verifyNow(
      SmtpAccount account, EmailAddress from, EmailAddress probe, Duration readTimeout) {
    Session session = session(account.server(), from, readTimeout);
    SMTPTransport transport = transport(session);
    Stage stage = Stage.CONNECT;
    try {
      transport.connect(
          account.server().host(),
          account.server().port(),
          account.username(),
          account.password().reveal());
      stage = Stage.MAIL_FROM;
      expect(transport, "MAIL FROM:<" + from.value() + ">", stage);
      stage = Stage.RCPT_TO;
      expect(transport, "RCPT TO:<" + probe.value() + ">", stage);
      SmtpReply reply =
          SmtpReply.accepted(transport.getLastReturnCode(), transport.getLastServerResponse());
      stage = Stage.OTHER;
      transport.simpleCommand("RSET");
      return reply;
    } catch (MessagingException e) {
      return classify(e, transport, stage);
    } catch (SmtpFailure e) {
      return e.reply();
    } finally {
      closeQuietly(transport);
    }
  }

  private static void expect(SMTPTransport transport, String command, Stage stage)
      throws MessagingException, SmtpFailure {
    int code = transport.simpleCommand(command);
    if (code < 200 || code >= 300) {
      throw new SmtpFailure(
          SmtpReplyClassifier.classify(code, transport.getLastServerResponse(), stage), null);
    }
  }

  private static void checkSize(SMTPTransport transport, long messageBytes) throws SmtpFailure {
    // Angus ignores the server's SIZE limit; a message over it would be refused after upload.
    String size = transport.getExtensionParameter("SIZE");
    if (size == null || size.isBlank()) {
      return;
    }
    try {
      long limit = Long.parseLong(size.strip());
      if (limit > 0 && messageBytes > limit) {
        throw new SmtpFailure(
            new SmtpReply(
                SmtpReplyClass.MESSAGE_REJECTED,
                552,
                Optional.of("5.3.4"),
                "message of "
                    + messageBytes
                    + " bytes exceeds the server's SIZE limit of "
                    + limit),
            null);
      }
    } catch (NumberFormatException e) {
      // A malformed SIZE parameter is the server's problem; let it decide at DATA.
    }
  }

  private Session session(SmtpServer server, EmailAddress envelopeFrom, Duration readTimeout) {
    Properties props = new Properties();
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", server.host());
    props.put("mail.smtp.port", String.valueOf(server.port()));
    props.put("mail.smtp.auth", "true");
    props.put("mail.smtp.from", envelopeFrom.value());
    props.put("mail.smtp.localhost", heloName);
    props.put("mail.smtp.connectiontimeout", millis(min(server.connectTimeout(), readTimeout)));
    props.put("mail.smtp.timeout", millis(readTimeout));
    props.put("mail.smtp.writetimeout", millis(server.writeTimeout()));
    props.put("mail.smtp.executor.writetimeout", writeTimeouts);
    props.put("mail.smtp.ssl.checkserveridentity", "true");
    props.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
    props.put("mail.smtp.quitwait", "false");
    switch (server.security()) {
      case IMPLICIT_TLS -> props.put("mail.smtp.ssl.enable", "true");
      case STARTTLS_REQUIRED -> {
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
      }
      case PLAIN -> props.put("mail.smtp.starttls.enable", "false");
    }
    server.trustStore().ifPresent(t -> props.put("mail.smtp.ssl.socketFactory", factoryFor(t)));
    return Session.getInstance(props);
  }

  private SSLSocketFactory factoryFor(SmtpServer.TrustStore trustStore) {
    return trustFactories.computeIfAbsent(trustStore, SmtpClient::loadTrustStore);
  }

  private static SSLSocketFactory loadTrustStore(SmtpServer.TrustStore trustStore) {
    try (InputStream in = Files.newInputStream(trustStore.path())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, trustStore.password());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidInputException(
          "smtp.trustStore",
          "cannot read PKCS12 trust store " + trustStore.path() + ": " + e.getMessage());
    }
  }

  private static SMTPTransport transport(Session session) {
    return new DataAwareTransport(session);
  }

  /** Classifies a failure using the reply code, the server's text and the cause chain. */
  static SmtpReply classify(MessagingException e, SMTPTransport transport, Stage stage) {
    if (e instanceof SMTPSenderFailedException sender) {
      return SmtpReplyClassifier.classify(
          sender.getReturnCode(), sender.getMessage(), Stage.MAIL_FROM);
    }
    SMTPAddressFailedException address = find(e, SMTPAddressFailedException.class);
    if (address != null) {
      return SmtpReplyClassifier.classify(
          address.getReturnCode(), address.getMessage(), Stage.RCPT_TO);
    }
    if (e instanceof SMTPSendFailedException failed) {
      Stage at = stageOf(failed.getCommand());
      return SmtpReplyClassifier.classify(failed.getReturnCode(), failed.getMessage(), at);
    }
    if (e instanceof AuthenticationFailedException) {
      return SmtpReplyClassifier.classify(
          transport.getLastReturnCode(), transport.getLastServerResponse(), Stage.AUTH);
    }
    Optional<SmtpReply> local = clientSideFailure(e);
    if (local.isPresent()) {
      return local.get();
    }
    int code = transport.getLastReturnCode();
    String text = transport.getLastServerResponse();
    if (code > 0 && text != null && !text.isBlank() && !(e instanceof SendFailedException)) {
      return SmtpReplyClassifier.classify(code, text, stage);
    }
    return new SmtpReply(SmtpReplyClass.TRANSIENT, 0, Optional.empty(), describe(e));
  }

  private static Optional<SmtpReply> clientSideFailure(MessagingException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("starttls")) {
      return Optional.of(local(SmtpReplyClass.TLS_FAILURE, e));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return Optional.of(local(SmtpReplyClass.TRANSIENT, t));
      }
      if (t instanceof SSLException || t instanceof CertificateException) {
        return Optional.of(local(SmtpReplyClass.TLS_FAILURE, t));
      }
      if (t instanceof IOException
          && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("identity")) {
        return Optional.of(local(SmtpReplyClass.TLS_FAILURE, t));
      }
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException) {
        return Optional.of(local(SmtpReplyClass.UNREACHABLE, t));
      }
      if (t instanceof SocketException || t instanceof EOFException) {
        return Optional.of(local(SmtpReplyClass.TRANSIENT, t));
      }
    }
    return Optional.empty();
  }

  private static SmtpReply local(SmtpReplyClass replyClass, Throwable t) {
    return new SmtpReply(replyClass, 0, Optional.empty(), describe(t));
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static Stage stageOf(String command) {
    String upper = command == null ? "" : command.toUpperCase(Locale.ROOT);
    if (upper.startsWith("MAIL")) {
      return Stage.MAIL_FROM;
    }
    if (upper.startsWith("RCPT")) {
      return Stage.RCPT_TO;
    }
    return upper.startsWith("AUTH") ? Stage.AUTH : Stage.DATA;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; ) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      Throwable next =
          t instanceof MessagingException m && m.getNextException() != null
              ? m.getNextException()
              : t.getCause();
      t = next == t ? null : next;
    }
    return null;
  }

  private static Address[] internetAddresses(List<EmailAddress> recipients)
      throws MessagingException {
    Address[] result = new Address[recipients.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = new InternetAddress(recipients.get(i).value(), true);
    }
    return result;
  }

  /** Size of the message as it goes on the wire. */
  public static long sizeOf(MimeMessage message) {
    CountingStream counter = new CountingStream();
    try {
      message.writeTo(counter);
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException("could not measure the message", e);
    }
    return counter.count;
  }

  private static void closeQuietly(SMTPTransport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      // The outcome is already decided; a failed QUIT changes nothing.
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String millis(Duration duration) {
    return String.valueOf(Math.max(1, duration.toMillis()));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    evictions.shutdownNow();
    pool.close();
    verifications.shutdownNow();
    writeTimeouts.shutdownNow();
  }

  private static final class CountingStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
