package io.github.quotemailer.quote;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sales quote: who sells, to whom, what, and for how much. Totals are derived, never stored, so
 * they cannot disagree with the lines: subtotal = sum of line amounts; tax = taxable subtotal x
 * rate, rounded to cents HALF_UP; total = subtotal + tax.
 *
 * @param number the quote number (e.g. COT-2025-0142)
 * @param version revision of this quote, from 1
 * @param issueDate the date the quote is issued
 * @param validUntil the last day the prices hold
 * @param currency the currency of every amount
 * @param locale language and formats of the document and email (es-MX by default)
 * @param company the seller
 * @param customer the buyer
 * @param salesperson the host user who owns the deal
 * @param items the lines, at least one
 * @param taxRatePercent the tax rate (IVA 16 by default)
 * @param notes free text printed under the totals, if any
 * @param terms terms and conditions, one per entry
 */
public record Quote(
    String number,
    int version,
    LocalDate issueDate,
    LocalDate validUntil,
    Currency currency,
    Locale locale,
    Company company,
    Customer customer,
    Salesperson salesperson,
    List<LineItem> items,
    BigDecimal taxRatePercent,
    Optional<String> notes,
    List<String> terms) {

  /** Mexico's general IVA rate, the default because the first users are Mexican companies. */
  public static final BigDecimal DEFAULT_TAX_RATE_PERCENT = BigDecimal.valueOf(16);

  /** Spanish (Mexico): the default language of documents and emails. */
  public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("es-MX");

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Validates every field; errors name it. */
  public Quote {
    number = Checks.text("number", number, 64);
    if (version < 1) {
      throw new InvalidInputException("version", version + " must be 1 or more");
    }
    Checks.present("issueDate", issueDate);
    Checks.present("validUntil", validUntil);
    if (validUntil.isBefore(issueDate)) {
      throw new InvalidInputException(
          "validUntil", validUntil + " is before the issue date " + issueDate);
    }
    Checks.present("currency", currency);
    locale = locale == null ? DEFAULT_LOCALE : locale;
    Checks.present("company", company);
    Checks.present("customer", customer);
    Checks.present("salesperson", salesperson);
    if (items == null || items.isEmpty()) {
      throw new InvalidInputException("items", "a quote needs at least one line");
    }
    items = List.copyOf(items);
    for (int i = 0; i < items.size(); i++) {
      Currency lineCurrency = items.get(i).unitPrice().currency();
      if (!lineCurrency.equals(currency)) {
        throw new InvalidInputException(
            "items[" + i + "].unitPrice",
            "is in " + lineCurrency + " but the quote is in " + currency);
      }
    }
    taxRatePercent = taxRatePercent == null ? DEFAULT_TAX_RATE_PERCENT : taxRatePercent;
    if (taxRatePercent.signum() < 0 || taxRatePercent.compareTo(HUNDRED) > 0) {
      throw new InvalidInputException(
          "taxRatePercent", taxRatePercent.toPlainString() + " is outside 0-100");
    }
    notes = notes == null ? Optional.empty() : notes;
    notes = notes.flatMap(n -> Checks.optionalMultiline("notes", n, 4000));
    List<String> checkedTerms = new ArrayList<>();
    for (String term : terms == null ? List.<String>of() : terms) {
      Checks.optionalMultiline("terms[]", term, 2000).ifPresent(checkedTerms::add);
    }
    terms = List.copyOf(checkedTerms);
  }

  /** Starts a builder with the required parts; the rest have defaults. */
  public static Builder builder(
      String number, Company company, Customer customer, Salesperson salesperson) {
    return new Builder(number, company, customer, salesperson);
  }

  /** Sum of the line amounts. */
  public Money subtotal() {
    return items.stream().map(LineItem::amount).reduce(Money.zero(currency), Money::plus);
  }

  /** Sum of what the line discounts took off (gross minus amount); zero when none. */
  public Money discountTotal() {
    BigDecimal discount = BigDecimal.ZERO;
    for (LineItem item : items) {
      discount = discount.add(item.grossAmount().amount().subtract(item.amount().amount()));
    }
    return new Money(discount, currency);
  }

  /** Taxable subtotal x rate, rounded to cents HALF_UP. */
  public Money tax() {
    BigDecimal taxable =
        items.stream()
            .filter(item -> !item.taxExempt())
            .map(item -> item.amount().amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return Money.rounded(taxable.multiply(taxRatePercent).movePointLeft(2), currency);
  }

  /** Subtotal plus tax. */
  public Money total() {
    return subtotal().plus(tax());
  }

  /** A copy in another language (document and email). */
  public Quote withLocale(Locale locale) {
    return new Quote(
        number,
        version,
        issueDate,
        validUntil,
        currency,
        locale,
        company,
        customer,
        salesperson,
        items,
        taxRatePercent,
        notes,
        terms);
  }

  /** A copy owned by another salesperson (so sent from their mailbox, or on their behalf). */
  public Quote withSalesperson(Salesperson salesperson) {
    return new Quote(
        number,
        version,
        issueDate,
        validUntil,
        currency,
        locale,
        company,
        customer,
        salesperson,
        items,
        taxRatePercent,
        notes,
        terms);
  }

  /** The quote number made safe for a file name, e.g. for the PDF attachment. */
  public String fileName() {
    return number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
  }

  /** Builds a {@link Quote}; defaults: version 1, today, valid 30 days, MXN, es-MX, IVA 16%. */
  public static final class Builder {
    private final String number;
    private final Company company;
    private final Customer customer;
    private final Salesperson salesperson;
    private int version = 1;
    private LocalDate issueDate = LocalDate.now();
    private LocalDate validUntil;
    private Currency currency = Currency.getInstance("MXN");
    private Locale locale = DEFAULT_LOCALE;
    private final List<LineItem> items = new ArrayList<>();
    private BigDecimal taxRatePercent = DEFAULT_TAX_RATE_PERCENT;
    private Optional<String> notes = Optional.empty();
    private final List<String> terms = new ArrayList<>();

    private Builder(String number, Company company, Customer customer, Salesperson salesperson) {
      this.number = number;
      this.company = company;
      this.customer = customer;
      this.salesperson = salesperson;
    }

    /** Sets the revision number. */
    public Builder version(int version) {
      this.version = version;
      return this;
    }

    /** Sets the issue and valid-until dates. */
    public Builder dates(LocalDate issueDate, LocalDate validUntil) {
      this.issueDate = issueDate;
      this.validUntil = validUntil;
      return this;
    }

    /** Sets the currency of all amounts. */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /** Sets the document language. */
    public Builder locale(Locale locale) {
      this.locale = locale;
      return this;
    }

    /** Adds a line. */
    public Builder item(LineItem item) {
      items.add(item);
      return this;
    }

    /** Sets the tax rate in percent. */
    public Builder taxRatePercent(BigDecimal rate) {
      this.taxRatePercent = rate;
      return this;
    }

    /** Sets the notes. */
    public Builder notes(String notes) {
      this.notes = Optional.ofNullable(notes);
      return this;
    }

    /** Adds a term or condition. */
    public Builder term(String term) {
      terms.add(term);
      return this;
    }

    /** Validates and builds. */
    public Quote build() {
      LocalDate until = validUntil == null ? issueDate.plusDays(30) : validUntil;
      return new Quote(
          number,
          version,
          issueDate,
          until,
          currency,
          locale,
          company,
          customer,
          salesperson,
          items,
          taxRatePercent,
          notes,
          terms);
    }
  }
}
