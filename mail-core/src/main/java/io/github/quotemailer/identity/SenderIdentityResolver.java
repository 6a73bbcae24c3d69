package io.github.quotemailer.identity;

import io.github.quotemailer.quote.Salesperson;

/**
 * Port: turns a salesperson into the identity that sends their quote. {@link
 * DefaultSenderIdentityResolver} implements the design's fallback table.
 */
public interface SenderIdentityResolver {
  /** The identity to try first for {@code salesperson}. */
  SenderIdentity resolveFor(Salesperson salesperson);

  /**
   * The company identity sending on behalf of {@code salesperson}, recorded with {@code reason}.
   */
  SenderIdentity companyIdentityFor(Salesperson salesperson, ResolutionReason reason);
}
