package io.github.quotemailer.identity;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpAccount;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The company mailbox that sends when a salesperson's own account cannot.
 *
 * @param account the company login
 * @param address the company mailbox address ({@code From} under fallback)
 * @param name the company's short name, shown as {@code "Juan Pérez (via INAIR)"}
 * @param authorisedDomains domains whose addresses this account may put in {@code From} (a relay
 *     that accepts any address of a verified domain); empty by default, which keeps SPF/DMARC safe
 */
public record CompanySender(
    SmtpAccount account, EmailAddress address, String name, Set<String> authorisedDomains) {

  /** Validates; domains are kept lower case. */
  public CompanySender {
    Arguments.present("company.account", account);
    Arguments.present("company.address", address);
    name = Arguments.text("company.name", name, 100);
    authorisedDomains =
        (authorisedDomains == null ? Set.<String>of() : authorisedDomains)
            .stream()
                .map(
                    d ->
                        Arguments.text("company.authorisedDomains", d, 253)
                            .toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
  }

  /** A company sender with no authorised domains. */
  public static CompanySender of(SmtpAccount account, EmailAddress address, String name) {
    return new CompanySender(account, address, name, Set.of());
  }

  /** A copy that may keep {@code From} addresses of {@code domains}. */
  public CompanySender withAuthorisedDomains(Set<String> domains) {
    return new CompanySender(account, address, name, domains);
  }

  /** Whether this account may send with {@code from} in the {@code From} header. */
  public boolean mayUseFrom(EmailAddress from) {
    return authorisedDomains.contains(from.domain());
  }
}
