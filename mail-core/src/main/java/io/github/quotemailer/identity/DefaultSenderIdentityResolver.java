package io.github.quotemailer.identity;

import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves identities as the design's table says: the user's own enabled, healthy (and, by default,
 * verified) settings first; otherwise the company mailbox in {@code From} with the user's name
 * "(via Company)" and {@code Reply-To} the user's CRM address. A stored password that cannot be
 * decrypted sends from the company with {@link ResolutionReason#SECRET_UNREADABLE}, marks the
 * settings {@link SettingsHealth.Status#UNREADABLE} and tells the listener.
 */
public final class DefaultSenderIdentityResolver implements SenderIdentityResolver {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSenderIdentityResolver.class);

  private final UserSmtpRepository repository;
  private final SecretCipher cipher;
  private final CompanySender company;
  private final FallbackPolicy policy;
  private final DeliveryListener listener;
  private final Clock clock;

  private DefaultSenderIdentityResolver(
      UserSmtpRepository repository,
      SecretCipher cipher,
      CompanySender company,
      FallbackPolicy policy,
      DeliveryListener listener,
      Clock clock) {
    this.repository = repository;
    this.cipher = cipher;
    this.company = company;
    this.policy = policy;
    this.listener = listener;
    this.clock = clock;
  }

  /** A resolver over the given settings store, cipher, company sender and policy. */
  public static DefaultSenderIdentityResolver create(
      UserSmtpRepository repository,
      SecretCipher cipher,
      CompanySender company,
      FallbackPolicy policy) {
    return create(
        repository, cipher, company, policy, new DeliveryListener() {}, Clock.systemUTC());
  }

  /**
   * Like {@link #create(UserSmtpRepository, SecretCipher, CompanySender, FallbackPolicy)}, telling
   * {@code listener} about unreadable secrets and timing health changes with {@code clock}.
   */
  public static DefaultSenderIdentityResolver create(
      UserSmtpRepository repository,
      SecretCipher cipher,
      CompanySender company,
      FallbackPolicy policy,
      DeliveryListener listener,
      Clock clock) {
    return new DefaultSenderIdentityResolver(repository, cipher, company, policy, listener, clock);
  }

  @Override
  public SenderIdentity resolveFor(Salesperson salesperson) {
    Optional<UserSmtpSettings> found = repository.find(salesperson.userId());
    if (found.isEmpty() || !found.get().enabled()) {
      return companyIdentityFor(salesperson, ResolutionReason.NOT_CONFIGURED);
    }
    UserSmtpSettings settings = found.get();
    switch (settings.health().status()) {
      case REJECTED:
        return companyIdentityFor(salesperson, ResolutionReason.OWN_ACCOUNT_REJECTED);
      case UNREADABLE:
        return companyIdentityFor(salesperson, ResolutionReason.SECRET_UNREADABLE);
      case UNVERIFIED:
        if (policy.requireVerified()) {
          return companyIdentityFor(salesperson, ResolutionReason.NOT_VERIFIED);
        }
        break;
      default:
        break;
    }
    Secret password;
    try {
      password = cipher.decrypt(settings.password(), settings.userId());
    } catch (QuoteMailerException e) {
      // A secret the ring cannot open must not stop the quote; the company account sends it.
      markUnreadable(settings, e);
      return companyIdentityFor(salesperson, ResolutionReason.SECRET_UNREADABLE);
    }
    return ownIdentity(settings, password);
  }

  private void markUnreadable(UserSmtpSettings settings, QuoteMailerException cause) {
    String keyId = settings.password().keyId();
    String problem = "stored password unreadable with key '" + keyId + "': " + cause.getMessage();
    LOG.warn(
        "user={} {}; settings marked UNREADABLE, quotes go out from {} until the password is set"
            + " again",
        settings.userId(),
        problem,
        company.address());
    try {
      repository.updateHealth(
          settings.userId(), SettingsHealth.unreadable(clock.instant(), problem));
    } catch (QuoteMailerException e) {
      // The quote still goes out; the next send finds the secret unreadable again and retries this.
      LOG.warn(
          "user={} could not record unreadable settings: {}", settings.userId(), e.getMessage());
    }
    listener.onSecretUnreadable(settings.userId(), keyId, problem);
  }

  /**
   * The user's own identity from {@code settings}, regardless of their health.
   *
   * @throws io.github.quotemailer.secret.UnknownKeyException when the password's key is not in the
   *     ring
   * @throws QuoteMailerException when the stored password does not decrypt (altered, or stored for
   *     another user id)
   */
  public SenderIdentity ownIdentity(UserSmtpSettings settings) {
    return ownIdentity(settings, cipher.decrypt(settings.password(), settings.userId()));
  }

  private SenderIdentity ownIdentity(UserSmtpSettings settings, Secret password) {
    SmtpServer server = settings.server().orElse(company.account().server());
    SmtpAccount account = new SmtpAccount(server, settings.username(), password);
    return new SenderIdentity(
        account,
        settings.address(),
        settings.address(),
        settings.displayName(),
        Optional.empty(),
        Optional.empty(),
        ResolutionReason.OWN_ACCOUNT,
        true);
  }

  @Override
  public SenderIdentity companyIdentityFor(Salesperson salesperson, ResolutionReason reason) {
    if (company.mayUseFrom(salesperson.email())) {
      return new SenderIdentity(
          company.account(),
          company.address(),
          salesperson.email(),
          salesperson.name(),
          Optional.empty(),
          Optional.of(company.address()),
          reason,
          false);
    }
    return new SenderIdentity(
        company.account(),
        company.address(),
        company.address(),
        salesperson.name() + " (via " + company.name() + ")",
        Optional.of(salesperson.email()),
        Optional.empty(),
        reason,
        false);
  }
}
