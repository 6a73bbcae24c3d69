package io.github.quotemailer.internal;

import io.github.quotemailer.smtp.SendingLimit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@link SendingLimit} an identity sends under, resolved in the order the README's "Sending
 * limits" gives: an own account's limit from its settings, else the default for its SMTP host, else
 * the provider's preset (when presets are on), else none; the company account's limit from {@code
 * companySendingLimit}, else the same host default and preset.
 *
 * @param byHost defaults per SMTP host, keys in lower case
 * @param company the company account's own limit
 * @param presets whether {@link SendingLimit#presetFor} applies to hosts without a default
 */
public record SendingLimits(
    Map<String, SendingLimit> byHost, Optional<SendingLimit> company, boolean presets) {

  /** Copies the map. */
  public SendingLimits {
    byHost = Map.copyOf(byHost);
  }

  /** The limit of an own account on {@code smtpHost} whose settings hold {@code own}. */
  public Optional<SendingLimit> forOwnAccount(Optional<SendingLimit> own, String smtpHost) {
    return own.or(() -> forHost(smtpHost));
  }

  /** The limit of the company account on {@code smtpHost}. */
  public Optional<SendingLimit> forCompany(String smtpHost) {
    return company.or(() -> forHost(smtpHost));
  }

  private Optional<SendingLimit> forHost(String smtpHost) {
    SendingLimit configured = byHost.get(smtpHost.toLowerCase(Locale.ROOT));
    if (configured != null) {
      return Optional.of(configured);
    }
    return presets ? SendingLimit.presetFor(smtpHost) : Optional.empty();
  }
}
