package io.github.quotemailer.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the JSON tree of a quote file into a {@link Quote}. Types are checked here, with the
 * field's full name ({@code items[2].unitPrice}); the values themselves are validated by the
 * records.
 */
final class QuoteReader {
  private static final Set<String> QUOTE_FIELDS =
      Set.of(
          "number",
          "version",
          "issueDate",
          "validUntil",
          "currency",
          "locale",
          "company",
          "customer",
          "salesperson",
          "items",
          "taxRatePercent",
          "notes",
          "terms",
          // Branding for the command line's render; documented, so accepted and left alone.
          "logo");
  private static final Set<String> COMPANY_FIELDS =
      Set.of("name", "taxId", "address", "phone", "email", "website");
  private static final Set<String> CUSTOMER_FIELDS =
      Set.of("name", "company", "taxId", "email", "address");
  private static final Set<String> SALESPERSON_FIELDS = Set.of("userId", "name", "email", "phone");
  private static final Set<String> ITEM_FIELDS =
      Set.of("sku", "description", "quantity", "unit", "unitPrice", "discountPercent", "taxExempt");

  private static final Currency DEFAULT_CURRENCY = Currency.getInstance("MXN");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_$-]{1,64}");
  private static final Pattern SAFE_TAG = Pattern.compile("[A-Za-z0-9-]{1,35}");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private QuoteReader() {}

  static Quote toQuote(JsonNode root) {
    onlyKnownFields(root, "quote", "", QUOTE_FIELDS);
    text(root, "logo", "logo"); // only its type is checked here
    Currency currency =
        text(root, "currency", "currency").map(Money::currency).orElse(DEFAULT_CURRENCY);
    Quote.Builder builder =
        Quote.builder(
                required(root, "number", "number"),
                company(object(root, "company")),
                customer(object(root, "customer")),
                salesperson(object(root, "salesperson")))
            .version(version(root))
            .currency(currency)
            .locale(locale(root))
            .items(items(root, currency))
            .taxRatePercent(decimal(root, "taxRatePercent", "taxRatePercent").orElse(null))
            .notes(text(root, "notes", "notes").orElse(null))
            .terms(terms(root));
    date(root, "issueDate").ifPresent(builder::issueDate);
    date(root, "validUntil").ifPresent(builder::validUntil);
    return builder.build();
  }

  private static Company company(JsonNode node) {
    onlyKnownFields(node, "company", "company.", COMPANY_FIELDS);
    return Company.builder(required(node, "name", "company.name"))
        .taxId(text(node, "taxId", "company.taxId").orElse(null))
        .address(text(node, "address", "company.address").orElse(null))
        .phone(text(node, "phone", "company.phone").orElse(null))
        .email(text(node, "email", "company.email").orElse(null))
        .website(text(node, "website", "company.website").orElse(null))
        .build();
  }

  private static Customer customer(JsonNode node) {
    onlyKnownFields(node, "customer", "customer.", CUSTOMER_FIELDS);
    return Customer.builder(required(node, "name", "customer.name"))
        .company(text(node, "company", "customer.company").orElse(null))
        .taxId(text(node, "taxId", "customer.taxId").orElse(null))
        .email(text(node, "email", "customer.email").orElse(null))
        .address(text(node, "address", "customer.address").orElse(null))
        .build();
  }

  private static Salesperson salesperson(JsonNode node) {
    onlyKnownFields(node, "salesperson", "salesperson.", SALESPERSON_FIELDS);
    return Salesperson.of(
            required(node, "userId", "salesperson.userId"),
            required(node, "name", "salesperson.name"),
            required(node, "email", "salesperson.email"))
        .withPhone(text(node, "phone", "salesperson.phone").orElse(null));
  }

  private static List<LineItem> items(JsonNode root, Currency currency) {
    JsonNode items = root.get("items");
    if (items == null || items.isNull()) {
      throw new InvalidInputException("items", "a quote needs at least one line");
    }
    if (!items.isArray()) {
      throw new InvalidInputException("items", "must be a JSON array of lines");
    }
    List<LineItem> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      lines.add(item(items.get(i), "items[" + i + "]", currency));
    }
    return lines;
  }

  private static LineItem item(JsonNode node, String name, Currency currency) {
    if (!node.isObject()) {
      throw new InvalidInputException(name, "must be a JSON object");
    }
    onlyKnownFields(node, name, name + ".", ITEM_FIELDS);
    try {
      return LineItem.builder(
              required(node, "description", name + ".description"),
              decimal(node, "quantity", name + ".quantity")
                  .orElseThrow(() -> new InvalidInputException(name + ".quantity", "is required")),
              money(node, "unitPrice", name + ".unitPrice", currency))
          .sku(text(node, "sku", name + ".sku").orElse(null))
          .unit(text(node, "unit", name + ".unit").orElse(null))
          .discountPercent(decimal(node, "discountPercent", name + ".discountPercent").orElse(null))
          .taxExempt(bool(node, "taxExempt", name + ".taxExempt"))
          .build();
    } catch (InvalidInputException e) {
      // LineItem names its fields items[].x; here the index is known.
      if (e.field().startsWith("items[].")) {
        throw renamed(e, name + e.field().substring("items[]".length()));
      }
      throw e;
    }
  }

  private static Money money(JsonNode node, String field, String name, Currency currency) {
    BigDecimal amount =
        decimal(node, field, name)
            .orElseThrow(() -> new InvalidInputException(name, "is required"));
    try {
      return new Money(amount, currency);
    } catch (InvalidInputException e) {
      throw e.field().equals("amount") ? renamed(e, name) : e;
    }
  }

  private static List<String> terms(JsonNode root) {
    JsonNode terms = root.get("terms");
    if (terms == null || terms.isNull()) {
      return List.of();
    }
    if (!terms.isArray()) {
      throw new InvalidInputException("terms", "must be a JSON array of strings");
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      JsonNode term = terms.get(i);
      if (!term.isTextual()) {
        throw new InvalidInputException("terms[" + i + "]", "must be a JSON string");
      }
      texts.add(term.textValue());
    }
    return texts;
  }

  private static int version(JsonNode root) {
    JsonNode version = root.get("version");
    if (version == null || version.isNull()) {
      return 1;
    }
    if (!version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new InvalidInputException("version", "must be a whole number, from 1");
    }
    return version.intValue();
  }

  private static Locale locale(JsonNode root) {
    Optional<String> tag = text(root, "locale", "locale").map(String::strip);
    if (tag.isEmpty()) {
      return Quote.DEFAULT_LOCALE;
    }
    String text = tag.get();
    String shown = SAFE_TAG.matcher(text).matches() ? "'" + text + "' " : "";
    Locale locale;
    try {
      locale = new Locale.Builder().setLanguageTag(text).build();
    } catch (IllformedLocaleException e) {
      throw new InvalidInputException(
          "locale", shown + "is not a language tag such as es-MX or en");
    }
    boolean knownLanguage = LANGUAGES.contains(locale.getLanguage());
    boolean knownRegion =
        locale.getCountry().isEmpty()
            || COUNTRIES.contains(locale.getCountry())
            || locale.getCountry().matches("[0-9]{3}");
    // Variants and extensions (-u-nu-arab) would change digits and calendars of the documents.
    boolean plain = locale.getVariant().isEmpty() && locale.getExtensionKeys().isEmpty();
    if (!knownLanguage || !knownRegion || !plain) {
      throw new InvalidInputException(
          "locale", shown + "is not a known language and region such as es-MX or en");
    }
    return locale;
  }

  private static Optional<LocalDate> date(JsonNode root, String field) {
    return text(root, field, field)
        .map(String::strip)
        .map(
            value -> {
              if (DATE.matcher(value).matches()) {
                try {
                  return LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                  throw new InvalidInputException(field, "'" + value + "' is not a calendar date");
                }
              }
              throw new InvalidInputException(field, "is not a YYYY-MM-DD date");
            });
  }

  private static JsonNode object(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new InvalidInputException(field, "is required (an object)");
    }
    if (!node.isObject()) {
      throw new InvalidInputException(field, "must be a JSON object");
    }
    return node;
  }

  private static String required(JsonNode node, String field, String name) {
    return text(node, field, name)
        .orElseThrow(() -> new InvalidInputException(name, "is required"));
  }

  /** A string field; null and blank are absent, any other type is an error naming it. */
  private static Optional<String> text(JsonNode node, String field, String name) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(name, "must be a JSON string, not " + kind(value));
    }
    String text = value.textValue();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /**
   * A decimal: a string such as {@code "12.50"} (the documented form, parsed by {@link
   * Money#parse}) or a JSON number, read exactly; null and blank are absent.
   */
  private static Optional<BigDecimal> decimal(JsonNode node, String field, String name) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      // Bounded by the records, which look at the digits before expanding anything.
      return Optional.of(value.decimalValue());
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(
          name,
          "must be a decimal number written as a string, such as \"12.50\", not " + kind(value));
    }
    String text = value.textValue();
    return text.isBlank() ? Optional.empty() : Optional.of(Money.parse(name, text));
  }

  private static boolean bool(JsonNode node, String field, String name) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new InvalidInputException(name, "must be true or false, not " + kind(value));
    }
    return value.booleanValue();
  }

  private static void onlyKnownFields(
      JsonNode node, String name, String prefix, Set<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (known.contains(field)) {
        continue;
      }
      if (SAFE_NAME.matcher(field).matches()) {
        throw new InvalidInputException(
            prefix + field, "is not a field of the quote format (README, \"Quote JSON\")");
      }
      throw new InvalidInputException(
          name, "has a field that is not part of the quote format (README, \"Quote JSON\")");
    }
  }

  private static String kind(JsonNode value) {
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    return "a string";
  }

  private static InvalidInputException renamed(InvalidInputException e, String field) {
    String problem = e.getMessage().substring(e.field().length() + 2);
    InvalidInputException named = new InvalidInputException(field, problem);
    named.initCause(e);
    return named;
  }
}
