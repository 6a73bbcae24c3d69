package io.github.quotemailer.quote;

import io.github.quotemailer.Arguments;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    name = Arguments.text("company.name", name, 200);
    taxId = Arguments.optionalText("company.taxId", taxId, 32);
    address = Arguments.optionalText("company.address", address, 500);
    phone = Arguments.optionalText("company.phone", phone, 64);
    email = Arguments.optionalText("company.email", email, 254);
    website = Arguments.optionalText("company.website", website, 200);
  }

  /** A company known only by name. */
  public static Company named(String name) {
    return builder(name).build();
  }

  /** Starts a builder with the required name; every other field is optional. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Builds a {@link Company}; null or blank values mean absent; the record's constructor validates.
   */
  public static final class Builder {
    private final String name;
    private Optional<String> taxId = Optional.empty();
    private Optional<String> address = Optional.empty();
    private Optional<String> phone = Optional.empty();
    private Optional<String> email = Optional.empty();
    private Optional<String> website = Optional.empty();

    private Builder(String name) {
      this.name = name;
    }

    /** Sets the tax id (RFC). */
    public Builder taxId(@Nullable String taxId) {
      this.taxId = Optional.ofNullable(taxId);
      return this;
    }

    /** Sets the postal address. */
    public Builder address(@Nullable String address) {
      this.address = Optional.ofNullable(address);
      return this;
    }

    /** Sets the phone number. */
    public Builder phone(@Nullable String phone) {
      this.phone = Optional.ofNullable(phone);
      return this;
    }

    /** Sets the public sales address, printed on the quote (the sender is resolved separately). */
    public Builder email(@Nullable String email) {
      this.email = Optional.ofNullable(email);
      return this;
    }

    /** Sets the web site. */
    public Builder website(@Nullable String website) {
      this.website = Optional.ofNullable(website);
      return this;
    }

    /** Validates and builds. */
    public Company build() {
      return new Company(name, taxId, address, phone, email, website);
    }
  }
}
