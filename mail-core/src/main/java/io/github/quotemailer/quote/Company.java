package io.github.quotemailer.quote;

import io.github.quotemailer.internal.Checks;
import java.util.Optional;

/**
 * The selling company, as printed on the quote.
 *
 * @param name legal or trade name (required)
 * @param taxId tax id (RFC), if any
 * @param address postal address, if any
 * @param phone phone number, if any
 * @param email public sales address, if any (printed only; the sender is resolved separately)
 * @param website web site, if any
 */
public record Company(
    String name,
    Optional<String> taxId,
    Optional<String> address,
    Optional<String> phone,
    Optional<String> email,
    Optional<String> website) {

  /** Validates; the name is required. */
  public Company {
    name = Checks.text("company.name", name, 200);
    taxId = Checks.optionalText("company.taxId", taxId, 32);
    address = Checks.optionalText("company.address", address, 500);
    phone = Checks.optionalText("company.phone", phone, 64);
    email = Checks.optionalText("company.email", email, 254);
    website = Checks.optionalText("company.website", website, 200);
  }

  /** A company known only by name. */
  public static Company named(String name) {
    return new Company(
        name,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
