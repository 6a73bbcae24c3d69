package io.github.quotemailer.internal.oauth;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.identity.StoredCredential;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.internal.SmtpFailure;
import io.github.quotemailer.oauth2.RefreshTokenStore;
import io.github.quotemailer.oauth2.RefreshTokenStore.StoredRefreshToken;
import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenProvider;
import io.github.quotemailer.oauth2.TokenResponse;
import io.github.quotemailer.secret.EncryptedSecret;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for XOAUTH2 logins, fetched when a connection opens. Each account (token endpoint,
 * client id, login name) has one cache entry: its token is reused until shortly before it expires,
 * at most one refresh runs at a time (other threads wait for it and take its token), and a refresh
 * token the provider rotated is used from then on and written, encrypted, at once: to the user's
 * settings, or for the company account to the {@link RefreshTokenStore}; either way only over the
 * token it replaces, so a newer one another node stored first is kept (and taken up here).
 */
public final class AccessTokens {
  private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

  /** Refresh this long before expiry at most: a login must not race the token's last second. */
  static final Duration MAX_MARGIN = Duration.ofSeconds(60);

  private final @Nullable TokenProvider provider;
  private final UserSmtpRepository repository;
  private final RefreshTokenStore companyTokens;
  private final SecretCipher cipher;
  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * Tokens from {@code provider} (null: none configured); users' rotated refresh tokens stored in
   * {@code repository}, the company account's in {@code companyTokens}.
   */
  public AccessTokens(
      @Nullable TokenProvider provider,
      UserSmtpRepository repository,
      RefreshTokenStore companyTokens,
      SecretCipher cipher,
      Clock clock) {
    this.provider = provider;
    this.repository = repository;
    this.companyTokens = companyTokens;
    this.cipher = cipher;
    this.clock = clock;
  }

  /**
   * A token for {@code account}, which logs in with {@code grant}: the cached one while it is valid
   * and is not {@code stale}, otherwise a new one.
   *
   * @param owner whose settings hold the grant; empty for the company account
   * @param stale a token the server just refused, or null
   * @throws SmtpFailure classified {@link SmtpReplyClass#TOKEN_REVOKED} for a revoked grant, {@link
   *     SmtpReplyClass#AUTH_REJECTED} for a refused app, {@link SmtpReplyClass#TRANSIENT} when the
   *     endpoint could not be asked
   */
  public AccessToken accessToken(
      SmtpAccount account, OAuth2Grant grant, Optional<TokenOwner> owner, @Nullable Secret stale)
      throws SmtpFailure {
    String key = keyOf(account, grant);
    Entry entry = entries.computeIfAbsent(key, k -> new Entry(sha256(k)));
    entry.lock.lock();
    try {
      entry.adopt(grant);
      Instant now = clock.instant();
      if (entry.token != null && !entry.token.equals(stale) && now.isBefore(entry.renewAt)) {
        return new AccessToken(entry.token, false);
      }
      refresh(entry, grant, owner, now);
      return new AccessToken(entry.token, true);
    } finally {
      entry.lock.unlock();
    }
  }

  private void refresh(Entry entry, OAuth2Grant grant, Optional<TokenOwner> owner, Instant now)
      throws SmtpFailure {
    if (provider == null) {
      throw new ConfigurationException("tokenProvider", noProvider());
    }
    if (owner.isPresent()) {
      syncUser(entry, grant, owner.get().userId());
    } else {
      syncCompany(entry, grant);
    }
    TokenResponse response;
    try {
      response = provider.refresh(grant.withRefreshToken(entry.refreshToken));
    } catch (TokenException e) {
      throw new SmtpFailure(replyFor(e), e);
    }
    entry.token = response.accessToken();
    Duration life = response.expiresIn();
    Duration margin = life.dividedBy(2).compareTo(MAX_MARGIN) < 0 ? life.dividedBy(2) : MAX_MARGIN;
    entry.renewAt = now.plus(life).minus(margin);
    response.refreshToken().ifPresent(rotated -> rotated(entry, grant, rotated, owner));
  }

  /**
   * Before a user's account refreshes: takes up the token stored in their settings when it is not
   * the one this entry last saw (another node rotated it, or the mailbox was connected again). Read
   * under the entry's lock, right before the refresh, so a settings snapshot read earlier by
   * another thread never brings back a token this entry has already replaced.
   */
  private void syncUser(Entry entry, OAuth2Grant grant, String userId) {
    try {
      Optional<UserSmtpSettings> settings = repository.find(userId);
      if (settings.isPresent()
          && settings.get().credential() instanceof StoredCredential.OAuth2 stored
          && stored.client().equals(grant.client())
          && !stored.refreshToken().equals(entry.stored)) {
        entry.refreshToken = cipher.decrypt(stored.refreshToken(), userId);
        entry.stored = stored.refreshToken();
      }
    } catch (QuoteMailerException e) {
      // The token this entry holds still works; the next refresh reads again.
      LOG.warn("user={} could not read the stored refresh token: {}", userId, e.getMessage());
    }
  }

  /**
   * Before the company account refreshes: takes up the newest token stored for it, when it descends
   * from the configured grant and another node (or an earlier run) stored it.
   */
  private void syncCompany(Entry entry, OAuth2Grant grant) {
    try {
      Optional<StoredRefreshToken> stored = companyTokens.find(entry.account);
      if (stored.isEmpty()) {
        entry.stored = null;
        return;
      }
      EncryptedSecret token = stored.get().token();
      if (stored.get().origin().equals(origin(grant)) && !token.equals(entry.stored)) {
        entry.refreshToken = cipher.decrypt(token, entry.account);
      }
      entry.stored = token;
    } catch (QuoteMailerException e) {
      // The configured (or last rotated) token still works; the next refresh reads again.
      LOG.warn("could not read the company account's stored refresh token: {}", e.getMessage());
    }
  }

  private void rotated(Entry entry, OAuth2Grant grant, Secret rotated, Optional<TokenOwner> owner) {
    entry.refreshToken = rotated;
    if (owner.isEmpty()) {
      storeCompanyToken(entry, grant, rotated);
      return;
    }
    String userId = owner.get().userId();
    try {
      EncryptedSecret next = cipher.encrypt(rotated, userId);
      if (repository.replaceRefreshToken(userId, entry.stored, next)) {
        entry.stored = next;
      } else {
        LOG.info(
            "user={} a newer refresh token was stored meanwhile (another node); it was kept",
            userId);
      }
    } catch (QuoteMailerException e) {
      // The token still works in this process; the next rotation tries to store again.
      LOG.warn("user={} could not store the rotated refresh token: {}", userId, e.getMessage());
    }
  }

  private void storeCompanyToken(Entry entry, OAuth2Grant grant, Secret rotated) {
    try {
      EncryptedSecret next = cipher.encrypt(rotated, entry.account);
      boolean stored =
          companyTokens.replace(
              entry.account,
              Optional.ofNullable(entry.stored),
              new StoredRefreshToken(origin(grant), next));
      if (stored) {
        entry.stored = next;
      } else {
        LOG.info("the company account's newer refresh token stored by another node was kept");
      }
    } catch (QuoteMailerException e) {
      LOG.warn("could not store the company account's rotated refresh token: {}", e.getMessage());
    }
  }

  /** A fingerprint of the configured refresh token: a new grant starts a new chain. */
  private static String origin(OAuth2Grant configured) {
    return sha256(configured.refreshToken().reveal());
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** How a refused or failed refresh reads in the delivery log and to the fallback decision. */
  static SmtpReply replyFor(TokenException e) {
    SmtpReplyClass replyClass =
        switch (e.kind()) {
          case REVOKED -> SmtpReplyClass.TOKEN_REVOKED;
          case CLIENT_REJECTED -> SmtpReplyClass.AUTH_REJECTED;
          case UNAVAILABLE -> SmtpReplyClass.TRANSIENT;
        };
    return new SmtpReply(replyClass, 0, Optional.empty(), "token endpoint: " + e.getMessage());
  }

  private static String keyOf(SmtpAccount account, OAuth2Grant grant) {
    return grant.client().tokenEndpoint()
        + "|"
        + grant.client().clientId()
        + "|"
        + account.username();
  }

  private static String noProvider() {
    return "an account logs in with OAuth2 but no TokenProvider is configured: add"
        + " oauth2-http to the class path or call QuoteMailer.Builder.tokenProvider";
  }

  /** One account's token state; every field is guarded by {@link #lock}. */
  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    final String account;
    @Nullable Secret refreshToken;
    @Nullable EncryptedSecret stored;
    @Nullable Secret token;
    Instant renewAt = Instant.MIN;

    Entry(String account) {
      this.account = account;
    }

    /**
     * Takes the refresh token of {@code grant} when this entry has none yet. The stored token is
     * read right before each refresh ({@code syncUser}, {@code syncCompany}), never taken from a
     * snapshot that may be older than what this entry stored.
     */
    void adopt(OAuth2Grant grant) {
      if (refreshToken == null) {
        refreshToken = grant.refreshToken();
      }
    }
  }
}
