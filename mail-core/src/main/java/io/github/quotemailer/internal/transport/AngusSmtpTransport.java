package io.github.quotemailer.internal.transport;

import io.github.quotemailer.internal.SmtpFailure;
import io.github.quotemailer.internal.SmtpReplyClassifier;
import io.github.quotemailer.internal.SmtpReplyClassifier.Stage;
import io.github.quotemailer.internal.oauth.AccessTokens;
import io.github.quotemailer.internal.oauth.TokenOwner;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.smtp.SmtpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MailTransport} over SMTP with Angus Mail: sessions from {@link SmtpSessions}, connections
 * reused per sender identity through a {@link TransportPool}, replies and exceptions classified by
 * {@link SmtpReplyClassifier}.
 */
public final class AngusSmtpTransport implements MailTransport {
  private static final Logger LOG = LoggerFactory.getLogger(AngusSmtpTransport.class);

  private final ScheduledExecutorService writeTimeouts;
  private final ExecutorService verifications;
  private final ScheduledExecutorService evictions;
  private final SmtpSessions sessions;
  private final ConcurrentHashMap<TransportPool.Key, jakarta.mail.Session> sessionsByKey =
      new ConcurrentHashMap<>();
  private final TransportPool pool;
  private final AccessTokens tokens;

  /**
   * A transport announcing itself in EHLO as {@code heloName}, or if empty as this machine's name
   * ({@link HeloName}), keeping up to {@code maxIdlePerIdentity} idle connections per sender
   * identity for {@code idleTimeout}, and logging OAuth2 accounts in with access tokens from {@code
   * tokens}.
   */
  public AngusSmtpTransport(
      Optional<String> heloName,
      int maxIdlePerIdentity,
      Duration idleTimeout,
      AccessTokens tokens) {
    this.tokens = tokens;
    this.writeTimeouts =
        Executors.newSingleThreadScheduledExecutor(daemon("quotemailer-smtp-write-timeout"));
    this.verifications = Executors.newCachedThreadPool(daemon("quotemailer-smtp-verify"));
    this.sessions = new SmtpSessions(HeloName.configuredOrThisMachine(heloName), writeTimeouts);
    this.pool = new TransportPool(maxIdlePerIdentity, idleTimeout);
    // Its own thread: closing a connection can block, and must never delay a write timeout.
    this.evictions = Executors.newSingleThreadScheduledExecutor(daemon("quotemailer-smtp-idle"));
    long every = Math.max(1, idleTimeout.toMillis() / 2);
    evictions.scheduleWithFixedDelay(this::evictIdle, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void prepare(SmtpServer server) {
    sessions.prepare(server);
  }

  @Override
  public SmtpReply send(Submission submission) throws SmtpFailure {
    TransportPool.Key key = keyOf(submission.account(), submission.envelopeFrom());
    Optional<DataAwareTransport> pooled = pool.borrow(key);
    if (pooled.isPresent()) {
      try {
        return sendOn(pooled.get(), key, submission);
      } catch (SmtpFailure failure) {
        // A pooled connection the server closed while idle is not a failed attempt: retry once
        // on a fresh connection. Any reply from the server is a real outcome.
        if (failure.reply().code() != 0 || failure.outcomeUnknown()) {
          throw failure;
        }
      }
    }
    return sendOn(connect(key, submission), key, submission);
  }

  private DataAwareTransport connect(TransportPool.Key key, Submission submission)
      throws SmtpFailure {
    SmtpAccount account = submission.account();
    SmtpServer server = account.server();
    DataAwareTransport transport =
        new DataAwareTransport(
            sessionsByKey.computeIfAbsent(
                key,
                k ->
                    sessions.session(
                        server,
                        submission.envelopeFrom(),
                        server.readTimeout(),
                        usesPassword(account))));
    try {
      login(transport, account, submission.tokenOwner());
      return transport;
    } catch (MessagingException e) {
      TransportPool.closeQuietly(transport);
      throw new SmtpFailure(classify(e, transport, Stage.CONNECT), e);
    } catch (SmtpFailure | RuntimeException e) {
      TransportPool.closeQuietly(transport);
      throw e;
    }
  }

  private void login(DataAwareTransport transport, SmtpAccount account, Optional<TokenOwner> owner)
      throws MessagingException, SmtpFailure {
    SmtpServer server = account.server();
    if (account.credential() instanceof OAuth2Grant grant) {
      // Connected without a login (EHLO and STARTTLS only), then AUTH XOAUTH2 by hand.
      transport.connect(server.host(), server.port(), null, null);
      XOAuth2Login.login(transport, account, grant, owner, tokens);
      return;
    }
    Secret password = (Secret) account.credential();
    transport.connect(server.host(), server.port(), account.username(), password.reveal());
  }

  private static boolean usesPassword(SmtpAccount account) {
    return account.credential() instanceof Secret;
  }

  private SmtpReply sendOn(
      DataAwareTransport transport, TransportPool.Key key, Submission submission)
      throws SmtpFailure {
    boolean keep = false;
    try {
      checkSize(transport, submission.messageBytes());
      transport.beforeData(submission.dataStarting());
      transport.sendMessage(submission.message(), internetAddresses(submission.recipients()));
      SmtpReply reply =
          SmtpReply.accepted(transport.getLastReturnCode(), transport.getLastServerResponse());
      keep = true;
      return reply;
    } catch (MessagingException e) {
      SmtpReply reply = classify(e, transport, Stage.MAIL_FROM);
      boolean unknown = transport.dataReached() && reply.code() == 0;
      throw new SmtpFailure(reply, e, unknown);
    } finally {
      if (keep) {
        pool.giveBack(key, transport);
      } else {
        TransportPool.closeQuietly(transport);
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
        credentialKey(account),
        envelopeFrom.value());
  }

  /**
   * Pooled connections of an OAuth2 account stay its own across refresh-token rotations: the key
   * holds the app, not the token.
   */
  private static int credentialKey(SmtpAccount account) {
    return account.credential() instanceof OAuth2Grant grant
        ? grant.client().hashCode()
        : account.credential().hashCode();
  }

  @Override
  public SmtpReply verify(
      SmtpAccount account,
      Optional<TokenOwner> tokenOwner,
      EmailAddress from,
      EmailAddress probe,
      Duration deadline) {
    Duration readTimeout = SmtpSessions.min(account.server().readTimeout(), deadline);
    Future<SmtpReply> result =
        verifications.submit(() -> verifyNow(account, tokenOwner, from, probe, readTimeout));
    try {
      return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      return transientReply("verification did not finish within " + deadline.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return transientReply("interrupted");
    } catch (ExecutionException e) {
      return transientReply("verification failed: " + e.getCause());
    }
  }

  private static SmtpReply transientReply(String text) {
    return new SmtpReply(SmtpReplyClass.TRANSIENT, 0, Optional.empty(), text);
  }

  private SmtpReply verifyNow(
      SmtpAccount account,
      Optional<TokenOwner> tokenOwner,
      EmailAddress from,
      EmailAddress probe,
      Duration readTimeout) {
    DataAwareTransport transport =
        new DataAwareTransport(
            sessions.session(account.server(), from, readTimeout, usesPassword(account)));
    Stage stage = Stage.CONNECT;
    try {
      login(transport, account, tokenOwner);
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
      TransportPool.closeQuietly(transport);
    }
  }

  private static void expect(DataAwareTransport transport, String command, Stage stage)
      throws MessagingException, SmtpFailure {
    int code = transport.simpleCommand(command);
    if (code < 200 || code >= 300) {
      throw new SmtpFailure(
          SmtpReplyClassifier.classify(code, transport.getLastServerResponse(), stage), null);
    }
  }

  private static void checkSize(DataAwareTransport transport, long messageBytes)
      throws SmtpFailure {
    // Angus ignores the server's SIZE limit; a message over it would be refused after upload.
    String size = transport.getExtensionParameter("SIZE");
    if (size == null || size.isBlank()) {
      return;
    }
    long limit;
    try {
      limit = Long.parseLong(size.strip());
    } catch (NumberFormatException e) {
      return; // A malformed SIZE parameter is the server's problem; let it decide at DATA.
    }
    if (limit > 0 && messageBytes > limit) {
      String text =
          "message of " + messageBytes + " bytes exceeds the server's SIZE limit of " + limit;
      throw new SmtpFailure(
          new SmtpReply(SmtpReplyClass.MESSAGE_REJECTED, 552, Optional.of("5.3.4"), text), null);
    }
  }

  private static SmtpReply classify(MessagingException e, DataAwareTransport transport, Stage at) {
    // Angus reports a refused HELO like a refused greeting; only the transport knows which it was.
    Stage stage = at == Stage.CONNECT && transport.heloRefused() ? Stage.HELO : at;
    return SmtpReplyClassifier.classify(
        e, transport.getLastReturnCode(), transport.getLastServerResponse(), stage);
  }

  private static Address[] internetAddresses(List<EmailAddress> recipients)
      throws MessagingException {
    Address[] result = new Address[recipients.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = new InternetAddress(recipients.get(i).value(), true);
    }
    return result;
  }

  private static ThreadFactory daemon(String name) {
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
}
