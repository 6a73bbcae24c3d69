package io.github.quotemailer.quote;

import io.github.quotemailer.internal.Checks;
import io.github.quotemailer.smtp.EmailAddress;
import java.util.Optional;

/**
 * The customer the quote is addressed to.
 *
 * @param name the contact person's name (required)
 * @param company the customer's company, if any
 * @param taxId the tax id (RFC in Mexico), if any
 * @param email the contact's address, if any
 * @param address the postal address, if any
 */
public record Customer(
    String name,
    Optional<String> company,
    Optional<String> taxId,
    Optional<EmailAddress> email,
    Optional<String> address) {

  /** Validates; the name is required. */
  public Customer {
    name = Checks.text("customer.name", name, 200);
    company = Checks.optionalText("customer.company", company, 200);
    taxId = Checks.optionalText("customer.taxId", taxId, 32);
    email = email == null ? Optional.empty() : email;
    address = Checks.optionalText("customer.address", address, 500);
  }

  /** A customer known only by name. */
  public static Customer named(String name) {
    return new Customer(
        name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
