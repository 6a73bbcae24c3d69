package io.github.quotemailer.internal;

import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.smtp.SmtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shields delivery from the host's listener: a callback that throws is logged and ignored, since by
 * then the mail's fate is decided and an escaping exception would make it look unsent (and be sent
 * again).
 */
final class SafeListener implements DeliveryListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

  private final DeliveryListener host;

  SafeListener(DeliveryListener host) {
    this.host = host;
  }

  @Override
  public void onDelivered(String userId, DeliveryReceipt receipt) {
    guard("onDelivered", () -> host.onDelivered(userId, receipt));
  }

  @Override
  public void onFallback(String userId, String quoteNumber, ResolutionReason reason) {
    guard("onFallback", () -> host.onFallback(userId, quoteNumber, reason));
  }

  @Override
  public void onCredentialsRejected(String userId, SmtpReply reply) {
    guard("onCredentialsRejected", () -> host.onCredentialsRejected(userId, reply));
  }

  @Override
  public void onSecretUnreadable(String userId, String keyId, String problem) {
    guard("onSecretUnreadable", () -> host.onSecretUnreadable(userId, keyId, problem));
  }

  @Override
  public void onFailed(String userId, String quoteNumber, SmtpReply reply) {
    guard("onFailed", () -> host.onFailed(userId, quoteNumber, reply));
  }

  @Override
  public void onDeadLettered(String userId, String quoteNumber, String messageId, String error) {
    guard("onDeadLettered", () -> host.onDeadLettered(userId, quoteNumber, messageId, error));
  }

  private static void guard(String callback, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.error("DeliveryListener.{} threw; ignored: {}", callback, e.toString(), e);
    }
  }
}
