package io.github.quotemailer.quote;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.smtp.EmailAddress;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    name = Arguments.text("customer.name", name, 200);
    company = Arguments.optionalText("customer.company", company, 200);
    taxId = Arguments.optionalText("customer.taxId", taxId, 32);
    email = email == null ? Optional.empty() : email;
    address = Arguments.optionalText("customer.address", address, 500);
  }

  /** A customer known only by name. */
  public static Customer named(String name) {
    return builder(name).build();
  }

  /** Starts a builder with the required name; every other field is optional. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Builds a {@link Customer}; null or blank values mean absent; the record's constructor
   * validates.
   */
  public static final class Builder {
    private final String name;
    private Optional<String> company = Optional.empty();
    private Optional<String> taxId = Optional.empty();
    private Optional<EmailAddress> email = Optional.empty();
    private Optional<String> address = Optional.empty();

    private Builder(String name) {
      this.name = name;
    }

    /** Sets the customer's company. */
    public Builder company(@Nullable String company) {
      this.company = Optional.ofNullable(company);
      return this;
    }

    /** Sets the tax id (RFC in Mexico). */
    public Builder taxId(@Nullable String taxId) {
      this.taxId = Optional.ofNullable(taxId);
      return this;
    }

    /** Parses and sets the contact's address; an invalid one is rejected as customer.email. */
    public Builder email(@Nullable String email) {
      this.email =
          email == null || email.isBlank()
              ? Optional.empty()
              : Optional.of(EmailAddress.of("customer.email", email));
      return this;
    }

    /** Sets the contact's address. */
    public Builder email(@Nullable EmailAddress email) {
      this.email = Optional.ofNullable(email);
      return this;
    }

    /** Sets the postal address. */
    public Builder address(@Nullable String address) {
      this.address = Optional.ofNullable(address);
      return this;
    }

    /** Validates and builds. */
    public Customer build() {
      return new Customer(name, company, taxId, email, address);
    }
  }
}
