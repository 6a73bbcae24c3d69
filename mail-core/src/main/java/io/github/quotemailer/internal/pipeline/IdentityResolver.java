package io.github.quotemailer.internal.pipeline;

import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpRepository;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.internal.SendingLimits;
import io.github.quotemailer.internal.oauth.StoredCredentials;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.Credential;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a salesperson into the identity that sends their quote, following {@link
 * FallbackDecision#firstSender}: the user's own account, or the company mailbox in {@code From}
 * with the user's name "(via Company)" and {@code Reply-To} the user's CRM address. A stored
 * password that cannot be decrypted sends from the company with {@link
 * ResolutionReason#SECRET_UNREADABLE}, marks the settings {@link SettingsHealth.Status#UNREADABLE}
 * and tells the listener.
 */
final class IdentityResolver {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityResolver.class);

  private final UserSmtpRepository repository;
  private final SecretCipher cipher;
  private final CompanySender company;
  private final FallbackDecision decision;
  private final DeliveryListener listener;
  private final Clock clock;
  private final SendingLimits limits;

  IdentityResolver(
      UserSmtpRepository repository,
      SecretCipher cipher,
      CompanySender company,
      FallbackDecision decision,
      DeliveryListener listener,
      Clock clock,
      SendingLimits limits) {
    this.repository = repository;
    this.cipher = cipher;
    this.company = company;
    this.decision = decision;
    this.listener = listener;
    this.clock = clock;
    this.limits = limits;
  }

  /** The identity to try first for {@code salesperson}. */
  SenderIdentity resolveFor(Salesperson salesperson) {
    Optional<UserSmtpSettings> found = repository.find(salesperson.userId());
    ResolutionReason first = decision.firstSender(found);
    if (first != ResolutionReason.OWN_ACCOUNT) {
      return companyIdentityFor(salesperson, first);
    }
    UserSmtpSettings settings = found.orElseThrow();
    Credential credential;
    try {
      credential = StoredCredentials.open(cipher, settings);
    } catch (QuoteMailerException e) {
      // A secret the ring cannot open must not stop the quote; the company account sends it.
      markUnreadable(settings, e);
      return companyIdentityFor(salesperson, ResolutionReason.SECRET_UNREADABLE);
    }
    return ownIdentity(settings, credential);
  }

  private void markUnreadable(UserSmtpSettings settings, QuoteMailerException cause) {
    String keyId = settings.credential().secret().keyId();
    String what = settings.usesOAuth2() ? "stored OAuth2 grant" : "stored password";
    String problem = what + " unreadable with key '" + keyId + "': " + cause.getMessage();
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

  private SenderIdentity ownIdentity(UserSmtpSettings settings, Credential credential) {
    SmtpServer server = settings.server().orElse(company.account().server());
    SmtpAccount account = new SmtpAccount(server, settings.username(), credential);
    return new SenderIdentity(
        account,
        StoredCredentials.owner(settings),
        settings.address(),
        settings.address(),
        settings.displayName(),
        Optional.empty(),
        Optional.empty(),
        ResolutionReason.OWN_ACCOUNT,
        limits.forOwnAccount(settings.sendingLimit(), server.host()),
        Optional.of(settings.health().status()));
  }

  /**
   * The company identity sending on behalf of {@code salesperson}, recorded with {@code reason}.
   */
  SenderIdentity companyIdentityFor(Salesperson salesperson, ResolutionReason reason) {
    Optional<SendingLimit> limit = limits.forCompany(company.account().server().host());
    if (company.mayUseFrom(salesperson.email())) {
      return new SenderIdentity(
          company.account(),
          Optional.empty(),
          company.address(),
          salesperson.email(),
          salesperson.name(),
          Optional.empty(),
          Optional.of(company.address()),
          reason,
          limit,
          Optional.empty());
    }
    return new SenderIdentity(
        company.account(),
        Optional.empty(),
        company.address(),
        company.address(),
        salesperson.name() + " (via " + company.name() + ")",
        Optional.of(salesperson.email()),
        Optional.empty(),
        reason,
        limit,
        Optional.empty());
  }
}
