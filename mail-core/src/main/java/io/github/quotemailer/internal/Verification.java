package io.github.quotemailer.internal;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.internal.oauth.StoredCredentials;
import io.github.quotemailer.internal.oauth.TokenOwner;
import io.github.quotemailer.internal.transport.MailTransport;
import io.github.quotemailer.smtp.Credential;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.VerificationReport;
import io.github.quotemailer.smtp.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Test connection": a real login and envelope probe through the transport (nothing is sent), its
 * result recorded in the settings' health when it concerns the stored password; and the same for
 * every enabled user at once.
 */
final class Verification {
  private static final Logger LOG = LoggerFactory.getLogger(Verification.class);

  private final MailerConfig config;
  private final MailTransport transport;

  Verification(MailerConfig config, MailTransport transport) {
    this.config = config;
    this.transport = transport;
  }

  VerificationResult verifyStored(UserSmtpSettings settings) {
    Arguments.present("settings", settings);
    // The stored password only ever goes to the server and login it was stored for: a caller
    // who changed them must type the password again, or it could be sent to any host.
    Optional<UserSmtpSettings> stored = config.userSettings().find(settings.userId());
    if (stored.isPresent() && !sameDestination(stored.get(), settings)) {
      throw new InvalidInputException(
          "password",
          "the server, login or address of "
              + settings.userId()
              + " changed since the password was stored; enter the password again to test them");
    }
    UserSmtpSettings source = stored.orElse(settings);
    return verify(
        settings, StoredCredentials.open(config.cipher(), source), StoredCredentials.owner(source));
  }

  private static boolean sameDestination(UserSmtpSettings a, UserSmtpSettings b) {
    return a.server().equals(b.server())
        && a.username().equals(b.username())
        && a.address().equals(b.address());
  }

  VerificationResult verify(UserSmtpSettings settings, Secret password) {
    Arguments.present("password", password);
    return verify(settings, password, Optional.empty());
  }

  private VerificationResult verify(
      UserSmtpSettings settings, Credential credential, Optional<TokenOwner> owner) {
    Arguments.present("settings", settings);
    SmtpAccount account =
        new SmtpAccount(
            settings.server().orElse(config.companySender().account().server()),
            settings.username(),
            credential);
    SmtpReply reply =
        transport.verify(
            account, owner, settings.address(), settings.address(), config.verifyDeadline());
    VerificationResult result = new VerificationResult(reply, config.clock().instant());
    recordVerification(settings, credential, result);
    LOG.info(
        "user={} verification identity={} outcome={} reply=\"{}\"",
        settings.userId(),
        settings.address(),
        reply.replyClass(),
        reply.describe());
    return result;
  }

  private void recordVerification(
      UserSmtpSettings settings, Credential credential, VerificationResult result) {
    if (!isStoredCredential(settings.userId(), credential)) {
      return;
    }
    SmtpReply reply = result.reply();
    if (result.succeeded()) {
      config
          .userSettings()
          .updateHealth(
              settings.userId(), SettingsHealth.verified(result.checkedAt(), reply.describe()));
    } else if (reply.replyClass().rejectsCredentials()) {
      config
          .userSettings()
          .updateHealth(settings.userId(), SettingsHealth.afterRefusal(result.checkedAt(), reply));
    }
  }

  private boolean isStoredCredential(String userId, Credential credential) {
    Optional<UserSmtpSettings> stored = config.userSettings().find(userId);
    if (stored.isEmpty()) {
      return false;
    }
    if (credential instanceof OAuth2Grant grant) {
      // A rotation may have replaced the refresh token meanwhile: the same app is the same grant.
      return stored.get().credential() instanceof StoredCredential.OAuth2 o
          && o.client().equals(grant.client());
    }
    try {
      return StoredCredentials.open(config.cipher(), stored.get()).equals(credential);
    } catch (QuoteMailerException e) {
      return false;
    }
  }

  VerificationReport verifyAll(int maxConcurrent) {
    if (maxConcurrent < 1 || maxConcurrent > 32) {
      throw new InvalidInputException("maxConcurrent", maxConcurrent + " is outside 1-32");
    }
    List<UserSmtpSettings> all = config.userSettings().list();
    List<UserSmtpSettings> enabled = all.stream().filter(UserSmtpSettings::enabled).toList();
    Map<String, VerificationResult> results = new ConcurrentHashMap<>();
    Map<String, String> problems = new ConcurrentHashMap<>();
    if (!enabled.isEmpty()) {
      verifyEach(enabled, Math.min(maxConcurrent, enabled.size()), results, problems);
    }
    VerificationReport report =
        new VerificationReport(results, problems, all.size() - enabled.size());
    LOG.info("verification of all users: {}", report.summary());
    return report;
  }

  private void verifyEach(
      List<UserSmtpSettings> enabled,
      int threads,
      Map<String, VerificationResult> results,
      Map<String, String> problems) {
    ExecutorService logins =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "quotemailer-verify");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (UserSmtpSettings settings : enabled) {
        pending.add(logins.submit(() -> verifyOne(settings, results, problems)));
      }
      for (Future<?> f : pending) {
        awaitQuietly(f);
      }
    } finally {
      logins.shutdownNow();
    }
  }

  private void verifyOne(
      UserSmtpSettings settings,
      Map<String, VerificationResult> results,
      Map<String, String> problems) {
    try {
      // settings come from the store: no need to read them again to check the destination.
      Credential stored = StoredCredentials.open(config.cipher(), settings);
      results.put(settings.userId(), verify(settings, stored, StoredCredentials.owner(settings)));
    } catch (QuoteMailerException e) {
      // One user's unreadable secret must not stop the others' checks.
      problems.put(settings.userId(), e.getMessage());
    }
  }

  private static void awaitQuietly(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuoteMailerException("interrupted while verifying users' settings", e);
    } catch (ExecutionException e) {
      // verifyOne records every QuoteMailerException; anything else is a bug worth logging.
      LOG.error("verification failed unexpectedly: {}", e.getCause().toString(), e.getCause());
    }
  }
}
