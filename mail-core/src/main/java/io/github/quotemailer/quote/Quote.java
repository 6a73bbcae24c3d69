package io.github.quotemailer.quote;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sales quote: who sells, to whom, what, and for how much. Totals are derived, never stored, so
 * they cannot disagree with the lines: subtotal = sum of line amounts; tax = taxable subtotal x
 * rate, rounded to cents HALF_UP; total = subtotal + tax. The total and the discount total must fit
 * {@link Money#MAX_AMOUNT}, so a valid quote can always print them.
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
 * @param taxRatePercent the tax rate (IVA 16 by default), 0 to 100, at most {@value
 *     LineItem#MAX_PERCENT_DECIMALS} decimals
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

  /** Validates every field; errors name it. */
  public Quote {
    number = Arguments.text("number", number, 64);
    if (version < 1) {
      throw new InvalidInputException("version", version + " must be 1 or more");
    }
    Arguments.present("issueDate", issueDate);
    Arguments.present("validUntil", validUntil);
    if (validUntil.isBefore(issueDate)) {
      throw new InvalidInputException(
          "validUntil", validUntil + " is before the issue date " + issueDate);
    }
    Arguments.present("currency", currency);
    locale = locale == null ? DEFAULT_LOCALE : locale;
    Arguments.present("company", company);
    Arguments.present("customer", customer);
    Arguments.present("salesperson", salesperson);
    if (items == null || items.isEmpty()) {
      throw new InvalidInputException("items", "a quote needs at least one line");
    }
    for (int i = 0; i < items.size(); i++) {
      LineItem item = Arguments.present("items[" + i + "]", items.get(i));
      Currency lineCurrency = item.unitPrice().currency();
      if (!lineCurrency.equals(currency)) {
        throw new InvalidInputException(
            "items[" + i + "].unitPrice",
            "is in " + lineCurrency + " but the quote is in " + currency);
      }
    }
    items = List.copyOf(items);
    taxRatePercent =
        LineItem.percent(
            "taxRatePercent", taxRatePercent == null ? DEFAULT_TAX_RATE_PERCENT : taxRatePercent);
    checkTotalsFit(items, taxRatePercent);
    notes = notes == null ? Optional.empty() : notes;
    notes = notes.flatMap(n -> Arguments.optionalMultiline("notes", n, 4000));
    List<String> checkedTerms = new ArrayList<>();
    List<String> givenTerms = terms == null ? List.of() : terms;
    for (int i = 0; i < givenTerms.size(); i++) {
      Arguments.optionalMultiline("terms[" + i + "]", givenTerms.get(i), 2000)
          .ifPresent(checkedTerms::add);
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
    return new Money(subtotalOf(items), currency);
  }

  /** Sum of what the line discounts took off (gross minus amount); zero when none. */
  public Money discountTotal() {
    return new Money(discountOf(items), currency);
  }

  /** Taxable subtotal x rate, rounded to cents HALF_UP. */
  public Money tax() {
    return new Money(taxOf(items, taxRatePercent), currency);
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

  /**
   * The quote number made safe for a file name, e.g. for the PDF attachment: letters, digits, dot,
   * dash and underscore, never a leading dot ({@code ..} becomes {@code __.pdf}).
   */
  public String fileName() {
    String safe = number.replaceAll("[^A-Za-z0-9._-]", "_");
    // A leading dot makes a hidden file on Unix, and ".." names the parent folder.
    int dots = 0;
    while (dots < safe.length() && safe.charAt(dots) == '.') {
      dots++;
    }
    return "_".repeat(dots) + safe.substring(dots) + ".pdf";
  }

  /**
   * Rejects lines whose total or discount total would not fit {@link Money#MAX_AMOUNT}, so {@link
   * #total()} and {@link #discountTotal()} never fail later.
   */
  private static void checkTotalsFit(List<LineItem> items, BigDecimal taxRatePercent) {
    BigDecimal total = subtotalOf(items).add(taxOf(items, taxRatePercent));
    if (total.compareTo(Money.MAX_AMOUNT) > 0) {
      throw new InvalidInputException(
          "items",
          "the total, "
              + total.toPlainString()
              + ", is more than the largest amount, "
              + Money.MAX_AMOUNT.toPlainString()
              + "; split the quote");
    }
    BigDecimal discount = discountOf(items);
    if (discount.compareTo(Money.MAX_AMOUNT) > 0) {
      throw new InvalidInputException(
          "items",
          "the discounts add up to "
              + discount.toPlainString()
              + ", more than the largest amount, "
              + Money.MAX_AMOUNT.toPlainString()
              + "; split the quote");
    }
  }

  private static BigDecimal subtotalOf(List<LineItem> items) {
    BigDecimal subtotal = BigDecimal.ZERO;
    for (LineItem item : items) {
      subtotal = subtotal.add(item.amount().amount());
    }
    return subtotal;
  }

  private static BigDecimal discountOf(List<LineItem> items) {
    BigDecimal discount = BigDecimal.ZERO;
    for (LineItem item : items) {
      discount = discount.add(item.grossAmount().amount().subtract(item.amount().amount()));
    }
    return discount;
  }

  private static BigDecimal taxOf(List<LineItem> items, BigDecimal taxRatePercent) {
    BigDecimal taxable = BigDecimal.ZERO;
    for (LineItem item : items) {
      if (!item.taxExempt()) {
        taxable = taxable.add(item.amount().amount());
      }
    }
    return taxable
        .multiply(taxRatePercent)
        .movePointLeft(2)
        .setScale(Money.SCALE, RoundingMode.HALF_UP);
  }

  /**
   * Builds a {@link Quote}; defaults: version 1, issued today (system clock), valid 30 days from
   * the issue date, MXN, es-MX, IVA 16%. The record's constructor validates.
   */
  public static final class Builder {
    private final String number;
    private final Company company;
    private final Customer customer;
    private final Salesperson salesperson;
    private int version = 1;
    private @Nullable LocalDate issueDate = LocalDate.now();
    private @Nullable LocalDate validUntil;
    private @Nullable Currency currency = Currency.getInstance("MXN");
    private @Nullable Locale locale = DEFAULT_LOCALE;
    private final List<LineItem> items = new ArrayList<>();
    private @Nullable BigDecimal taxRatePercent = DEFAULT_TAX_RATE_PERCENT;
    private Optional<String> notes = Optional.empty();
    private final List<String> terms = new ArrayList<>();

    private Builder(String number, Company company, Customer customer, Salesperson salesperson) {
      this.number = number;
      this.company = company;
      this.customer = customer;
      this.salesperson = salesperson;
    }

    /** Sets the revision number, from 1. */
    public Builder version(int version) {
      this.version = version;
      return this;
    }

    /** Sets the issue and valid-until dates. */
    public Builder dates(LocalDate issueDate, LocalDate validUntil) {
      return issueDate(issueDate).validUntil(validUntil);
    }

    /** Sets the issue date; the default is today. */
    public Builder issueDate(LocalDate issueDate) {
      this.issueDate = issueDate;
      return this;
    }

    /** Sets the last day the prices hold; null means 30 days after the issue date. */
    public Builder validUntil(@Nullable LocalDate validUntil) {
      this.validUntil = validUntil;
      return this;
    }

    /** Sets the currency of all amounts. */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /** Sets the currency of all amounts by its ISO 4217 code ({@code "USD"}). */
    public Builder currency(String code) {
      return currency(Money.currency(code));
    }

    /** Sets the document language; null means es-MX. */
    public Builder locale(@Nullable Locale locale) {
      this.locale = locale;
      return this;
    }

    /** Adds a line. */
    public Builder item(LineItem item) {
      items.add(item);
      return this;
    }

    /** Adds these lines, in order, after any added before. */
    public Builder items(List<LineItem> items) {
      this.items.addAll(items);
      return this;
    }

    /** Sets the tax rate in percent, 0 to 100; null means the default, 16. */
    public Builder taxRatePercent(@Nullable BigDecimal rate) {
      this.taxRatePercent = rate;
      return this;
    }

    /**
     * Parses and sets the tax rate in percent ({@code "16"}, {@code "8"}); null or blank means the
     * default, 16.
     */
    public Builder taxRatePercent(@Nullable String rate) {
      return taxRatePercent(
          rate == null || rate.isBlank() ? null : Money.parse("taxRatePercent", rate));
    }

    /** Sets the notes printed under the totals; null or blank means none. */
    public Builder notes(@Nullable String notes) {
      this.notes = Optional.ofNullable(notes);
      return this;
    }

    /** Adds a term or condition. */
    public Builder term(String term) {
      terms.add(term);
      return this;
    }

    /** Adds these terms, in order, after any added before. */
    public Builder terms(List<String> terms) {
      this.terms.addAll(terms);
      return this;
    }

    /** Validates and builds. */
    public Quote build() {
      LocalDate until =
          validUntil == null && issueDate != null ? issueDate.plusDays(30) : validUntil;
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
