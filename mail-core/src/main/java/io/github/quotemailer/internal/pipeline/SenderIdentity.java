package io.github.quotemailer.internal.pipeline;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.internal.oauth.TokenOwner;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SendingLimit;
import io.github.quotemailer.smtp.SmtpAccount;
import java.util.Optional;

/**
 * Who sends one message: the account that authenticates and the addresses in the headers.
 *
 * @param account the login used; its mailbox is also the envelope sender
 * @param tokenOwner whose settings hold the account's OAuth2 grant (a rotated refresh token is
 *     stored there); empty for a password and for the company account
 * @param envelopeFrom the {@code MAIL FROM} address: always the authenticated mailbox
 * @param from the {@code From} address
 * @param fromName the display name shown with {@code From}
 * @param replyTo where replies go, when not to {@code From}
 * @param sender the {@code Sender} header, set when {@code From} is not the authenticated mailbox
 * @param reason why this identity was chosen; {@link ResolutionReason#OWN_ACCOUNT} exactly when the
 *     salesperson's own account authenticates
 * @param sendingLimit how many messages the authenticated mailbox may send per window, if limited
 * @param ownAccountHealth the own account's recorded status when it was resolved (so a successful
 *     send marks it verified without reading the settings again); empty for the company account
 */
public record SenderIdentity(
    SmtpAccount account,
    Optional<TokenOwner> tokenOwner,
    EmailAddress envelopeFrom,
    EmailAddress from,
    String fromName,
    Optional<EmailAddress> replyTo,
    Optional<EmailAddress> sender,
    ResolutionReason reason,
    Optional<SendingLimit> sendingLimit,
    Optional<SettingsHealth.Status> ownAccountHealth) {

  /** Validates; display names may not carry line breaks. */
  public SenderIdentity {
    Arguments.present("account", account);
    tokenOwner = tokenOwner == null ? Optional.empty() : tokenOwner;
    Arguments.present("envelopeFrom", envelopeFrom);
    Arguments.present("from", from);
    fromName = Arguments.text("fromName", fromName, 200);
    replyTo = replyTo == null ? Optional.empty() : replyTo;
    sender = sender == null ? Optional.empty() : sender;
    Arguments.present("reason", reason);
    sendingLimit = sendingLimit == null ? Optional.empty() : sendingLimit;
    ownAccountHealth = ownAccountHealth == null ? Optional.empty() : ownAccountHealth;
  }

  /** Whether the salesperson's own account authenticates. */
  public boolean ownAccount() {
    return reason == ResolutionReason.OWN_ACCOUNT;
  }

  @Override
  public String toString() {
    return "SenderIdentity[from="
        + from
        + ", authenticatedAs="
        + account.username()
        + ", reason="
        + reason
        + "]";
  }
}
