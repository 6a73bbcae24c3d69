package io.github.quotemailer.quote;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.smtp.EmailAddress;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The host user who owns the deal. Their own SMTP settings are looked up by {@code userId}; their
 * CRM {@code email} becomes {@code Reply-To} when the company account sends on their behalf.
 *
 * @param userId the host's user id
 * @param name the name shown to the customer
 * @param email the salesperson's address in the CRM
 * @param phone phone number, if any
 */
public record Salesperson(String userId, String name, EmailAddress email, Optional<String> phone) {
  /** Validates; id, name and email are required. */
  public Salesperson {
    userId = Arguments.text("salesperson.userId", userId, 128);
    name = Arguments.text("salesperson.name", name, 200);
    Arguments.present("salesperson.email", email);
    phone = Arguments.optionalText("salesperson.phone", phone, 64);
  }

  /** A salesperson without a phone number. */
  public static Salesperson of(String userId, String name, String email) {
    return new Salesperson(
        userId, name, EmailAddress.of("salesperson.email", email), Optional.empty());
  }

  /** A copy with {@code phone} printed in the salesperson block; null or blank removes it. */
  public Salesperson withPhone(@Nullable String phone) {
    return new Salesperson(userId, name, email, Optional.ofNullable(phone));
  }
}
