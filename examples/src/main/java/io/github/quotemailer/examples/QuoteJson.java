package io.github.quotemailer.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the documented quote JSON format (see {@code quote-sample.json}) into a {@link Quote}.
 * Amounts are JSON strings so no value ever passes through a binary floating point number; every
 * error names the field.
 */
public final class QuoteJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private QuoteJson() {}

  /** Reads a quote file. */
  public static Quote read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new InvalidInputException("quote", "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Reads a quote from a stream. */
  public static Quote read(InputStream in) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "quote", "is not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " "));
    } catch (IOException e) {
      throw new InvalidInputException("quote", "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException("quote", "must be a JSON object");
    }
    return toQuote(root);
  }

  /**
   * The optional {@code logo} field of a quote file: a PNG or JPEG path, relative to the file. It
   * is branding for the PDF, so it is not part of {@link Quote}.
   */
  public static Optional<Path> logoPath(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode root = MAPPER.readTree(in);
      return text(root, "logo").map(logo -> file.toAbsolutePath().resolveSibling(logo));
    } catch (IOException e) {
      throw new InvalidInputException("quote", "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The sample quote shipped with the examples. */
  public static Quote sample() {
    try (InputStream in = QuoteJson.class.getResourceAsStream("quote-sample.json")) {
      if (in == null) {
        throw new IllegalStateException("quote-sample.json missing from the examples jar");
      }
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Quote toQuote(JsonNode root) {
    Currency currency = Money.currency(text(root, "currency").orElse("MXN"));
    List<LineItem> items = new ArrayList<>();
    JsonNode itemNodes = root.path("items");
    if (!itemNodes.isArray() || itemNodes.isEmpty()) {
      throw new InvalidInputException("items", "a quote needs at least one line");
    }
    for (int i = 0; i < itemNodes.size(); i++) {
      items.add(item(itemNodes.get(i), "items[" + i + "].", currency));
    }
    List<String> terms = new ArrayList<>();
    root.path("terms").forEach(t -> terms.add(t.asText()));
    LocalDate issueDate = date(root, "issueDate").orElse(LocalDate.now());
    return new Quote(
        required(root, "number"),
        root.path("version").asInt(1),
        issueDate,
        date(root, "validUntil").orElse(issueDate.plusDays(30)),
        currency,
        Locale.forLanguageTag(text(root, "locale").orElse("es-MX")),
        company(object(root, "company")),
        customer(object(root, "customer")),
        salesperson(object(root, "salesperson")),
        items,
        decimal(root, "taxRatePercent", "taxRatePercent").orElse(Quote.DEFAULT_TAX_RATE_PERCENT),
        text(root, "notes"),
        terms);
  }

  private static LineItem item(JsonNode node, String prefix, Currency currency) {
    BigDecimal price =
        decimal(node, "unitPrice", prefix + "unitPrice")
            .orElseThrow(() -> new InvalidInputException(prefix + "unitPrice", "is required"));
    if (price.stripTrailingZeros().scale() > Money.SCALE) {
      throw new InvalidInputException(
          prefix + "unitPrice", price.toPlainString() + " has more than 2 decimals");
    }
    try {
      return new LineItem(
          text(node, "sku"),
          text(node, "description").orElse(null),
          decimal(node, "quantity", prefix + "quantity")
              .orElseThrow(() -> new InvalidInputException(prefix + "quantity", "is required")),
          text(node, "unit"),
          new Money(price, currency),
          decimal(node, "discountPercent", prefix + "discountPercent").orElse(BigDecimal.ZERO),
          node.path("taxExempt").asBoolean(false));
    } catch (InvalidInputException e) {
      // LineItem names fields as items[]; the reader knows the index.
      throw new InvalidInputException(e.field().replace("items[].", prefix), problem(e));
    }
  }

  private static Company company(JsonNode node) {
    return new Company(
        required(node, "name", "company.name"),
        text(node, "taxId"),
        text(node, "address"),
        text(node, "phone"),
        text(node, "email"),
        text(node, "website"));
  }

  private static Customer customer(JsonNode node) {
    return new Customer(
        required(node, "name", "customer.name"),
        text(node, "company"),
        text(node, "taxId"),
        text(node, "email").map(e -> EmailAddress.of("customer.email", e)),
        text(node, "address"));
  }

  private static Salesperson salesperson(JsonNode node) {
    return new Salesperson(
        required(node, "userId", "salesperson.userId"),
        required(node, "name", "salesperson.name"),
        EmailAddress.of("salesperson.email", required(node, "email", "salesperson.email")),
        text(node, "phone"));
  }

  private static JsonNode object(JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (!node.isObject()) {
      throw new InvalidInputException(field, "is required (an object)");
    }
    return node;
  }

  private static String required(JsonNode node, String field) {
    return required(node, field, field);
  }

  private static String required(JsonNode node, String field, String name) {
    return text(node, field).orElseThrow(() -> new InvalidInputException(name, "is required"));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    String text = value.asText();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  private static Optional<BigDecimal> decimal(JsonNode node, String field, String name) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      // USE_BIG_DECIMAL_FOR_FLOATS keeps the literal exact: no double in between.
      return Optional.of(value.decimalValue());
    }
    return Optional.of(Money.parse(name, value.asText()));
  }

  private static Optional<LocalDate> date(JsonNode node, String field) {
    return text(node, field)
        .map(
            value -> {
              try {
                return LocalDate.parse(value);
              } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "'" + value + "' is not a YYYY-MM-DD date");
              }
            });
  }

  private static String problem(InvalidInputException e) {
    String message = e.getMessage();
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
  }
}
