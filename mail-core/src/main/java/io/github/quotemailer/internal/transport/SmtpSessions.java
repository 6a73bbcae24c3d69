package io.github.quotemailer.internal.transport;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpServer;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Angus Mail sessions with safe settings: protocol {@code smtp} always (so the timeout properties
 * apply), STARTTLS required when TLS is not implicit, server identity checked, all three timeouts
 * set, write timeouts on one shared scheduler, {@code TCP_NODELAY} on every socket, and no debug
 * output. Trust stores are read once.
 */
final class SmtpSessions {
  private final Supplier<String> heloName;
  private final ScheduledExecutorService writeTimeouts;
  private final ConcurrentHashMap<SmtpServer.TrustStore, SSLSocketFactory> trustFactories =
      new ConcurrentHashMap<>();
  private final Supplier<SSLSocketFactory> jdkTls;

  SmtpSessions(Supplier<String> heloName, ScheduledExecutorService writeTimeouts) {
    this(heloName, writeTimeouts, () -> (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /**
   * Sessions whose servers without a trust store of their own are checked by {@code jdkTls}'s
   * sockets (the JDK's default factory; a test's own in tests).
   */
  SmtpSessions(
      Supplier<String> heloName,
      ScheduledExecutorService writeTimeouts,
      Supplier<SSLSocketFactory> jdkTls) {
    this.heloName = heloName;
    this.writeTimeouts = writeTimeouts;
    this.jdkTls = jdkTls;
  }

  /**
   * A session for {@code server}, sending as {@code envelopeFrom}, waiting {@code readTimeout};
   * Angus logs in with a password when {@code passwordLogin}, otherwise the caller authenticates
   * (XOAUTH2) after connecting.
   */
  Session session(
      SmtpServer server, EmailAddress envelopeFrom, Duration readTimeout, boolean passwordLogin) {
    Properties props = new Properties();
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", server.host());
    props.put("mail.smtp.port", String.valueOf(server.port()));
    props.put("mail.smtp.auth", String.valueOf(passwordLogin));
    props.put("mail.smtp.from", envelopeFrom.value());
    props.put("mail.smtp.localhost", heloName.get());
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
    // TCP_NODELAY on every socket (see NoDelaySockets); the TLS factory is the trust store's, or
    // the JDK's default one that Angus would otherwise use.
    props.put("mail.smtp.socketFactory", NoDelaySockets.plain());
    props.put("mail.smtp.ssl.socketFactory", tlsFactoryFor(server));
    // A connection that fails through these factories fails; Angus must not retry it silently
    // through its own defaults (a second connection, and a socket without the options above).
    props.put("mail.smtp.socketFactory.fallback", "false");
    return Session.getInstance(props);
  }

  /** Loads {@code server}'s trust store, if it has one, into the cache now. */
  void prepare(SmtpServer server) {
    server.trustStore().ifPresent(this::factoryFor);
  }

  private SSLSocketFactory factoryFor(SmtpServer.TrustStore trustStore) {
    return trustFactories.computeIfAbsent(trustStore, SmtpSessions::loadTrustStore);
  }

  private SSLSocketFactory tlsFactoryFor(SmtpServer server) {
    return server
        .trustStore()
        .map(this::factoryFor)
        // Looked up per session, as Angus does: a host may replace the default SSLContext later.
        .orElseGet(() -> NoDelaySockets.layeredOver(jdkTls.get()));
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
      return NoDelaySockets.layeredOver(context.getSocketFactory());
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigurationException(
          "smtp.trustStore",
          "cannot read PKCS12 trust store " + trustStore.path() + ": " + e.getMessage());
    }
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String millis(Duration duration) {
    return String.valueOf(Math.max(1, duration.toMillis()));
  }
}
