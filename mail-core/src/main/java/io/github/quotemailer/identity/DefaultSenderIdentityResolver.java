package io.github.quotemailer.identity;

import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves identities as the design's table says: the user's own enabled, healthy (and, by default,
 * verified) settings first; otherwise the company mailbox in {@code From} with the user's name
 * "(via Company)" and {@code Reply-To} the user's CRM address.
 */
public final class DefaultSenderIdentityResolver implements SenderIdentityResolver {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSenderIdentityResolver.class);

  private final UserSmtpRepository repository;
  private final SecretCipher cipher;
  private final CompanySender company;
  private final FallbackPolicy policy;

  private DefaultSenderIdentityResolver(
      UserSmtpRepository repository,
      SecretCipher cipher,
      CompanySender company,
      FallbackPolicy policy) {
    this.repository = repository;
    this.cipher = cipher;
    this.company = company;
    this.policy = policy;
  }

  /** A resolver over the given settings store, cipher, company sender and policy. */
  public static DefaultSenderIdentityResolver create(
      UserSmtpRepository repository,
      SecretCipher cipher,
      CompanySender company,
      FallbackPolicy policy) {
    return new DefaultSenderIdentityResolver(repository, cipher, company, policy);
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
      case UNVERIFIED:
        if (policy.requireVerified()) {
          return companyIdentityFor(salesperson, ResolutionReason.NOT_VERIFIED);
        }
        break;
      default:
        break;
    }
    try {
      return ownIdentity(settings);
    } catch (QuoteMailerException e) {
      // A secret the ring cannot open must not stop the quote; the company account sends it.
      LOG.warn(
          "user={} settings unusable, sending through the company account: {}",
          settings.userId(),
          e.getMessage());
      return companyIdentityFor(salesperson, ResolutionReason.NOT_CONFIGURED);
    }
  }

  /** The user's own identity from {@code settings}, regardless of their health. */
  public SenderIdentity ownIdentity(UserSmtpSettings settings) {
    SmtpServer server = settings.server().orElse(company.account().server());
    SmtpAccount account =
        new SmtpAccount(
            server, settings.username(), cipher.decrypt(settings.password(), settings.userId()));
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
