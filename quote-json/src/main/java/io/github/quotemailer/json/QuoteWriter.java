package io.github.quotemailer.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Turns a {@link Quote} into the JSON tree of a quote file, fields in the README's order. Decimals
 * are written with {@link BigDecimal#toPlainString()}, so they read back with the same scale.
 */
final class QuoteWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private QuoteWriter() {}

  static ObjectNode toJson(Quote quote) {
    ObjectNode json = NODES.objectNode();
    json.put("number", quote.number());
    json.put("version", quote.version());
    json.put("issueDate", quote.issueDate().toString());
    json.put("validUntil", quote.validUntil().toString());
    json.put("currency", quote.currency().getCurrencyCode());
    json.put("locale", quote.locale().toLanguageTag());
    json.set("company", company(quote.company()));
    json.set("customer", customer(quote.customer()));
    json.set("salesperson", salesperson(quote.salesperson()));
    ArrayNode items = json.putArray("items");
    quote.items().forEach(item -> items.add(item(item)));
    json.put("taxRatePercent", quote.taxRatePercent().toPlainString());
    putIfPresent(json, "notes", quote.notes());
    if (!quote.terms().isEmpty()) {
      ArrayNode terms = json.putArray("terms");
      quote.terms().forEach(terms::add);
    }
    return json;
  }

  private static ObjectNode company(Company company) {
    ObjectNode json = NODES.objectNode();
    json.put("name", company.name());
    putIfPresent(json, "taxId", company.taxId());
    putIfPresent(json, "address", company.address());
    putIfPresent(json, "phone", company.phone());
    putIfPresent(json, "email", company.email());
    putIfPresent(json, "website", company.website());
    return json;
  }

  private static ObjectNode customer(Customer customer) {
    ObjectNode json = NODES.objectNode();
    json.put("name", customer.name());
    putIfPresent(json, "company", customer.company());
    putIfPresent(json, "taxId", customer.taxId());
    putIfPresent(json, "email", customer.email().map(email -> email.value()));
    putIfPresent(json, "address", customer.address());
    return json;
  }

  private static ObjectNode salesperson(Salesperson salesperson) {
    ObjectNode json = NODES.objectNode();
    json.put("userId", salesperson.userId());
    json.put("name", salesperson.name());
    json.put("email", salesperson.email().value());
    putIfPresent(json, "phone", salesperson.phone());
    return json;
  }

  private static ObjectNode item(LineItem item) {
    ObjectNode json = NODES.objectNode();
    putIfPresent(json, "sku", item.sku());
    json.put("description", item.description());
    json.put("quantity", item.quantity().toPlainString());
    putIfPresent(json, "unit", item.unit());
    json.put("unitPrice", item.unitPrice().amount().toPlainString());
    // Left out only when it reads back equal: "0.00" would come back as 0, a different scale.
    if (!item.discountPercent().equals(BigDecimal.ZERO)) {
      json.put("discountPercent", item.discountPercent().toPlainString());
    }
    if (item.taxExempt()) {
      json.put("taxExempt", true);
    }
    return json;
  }

  private static void putIfPresent(ObjectNode json, String field, Optional<String> value) {
    value.ifPresent(text -> json.put(field, text));
  }
}
