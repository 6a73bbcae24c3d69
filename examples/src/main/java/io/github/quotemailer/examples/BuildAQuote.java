package io.github.quotemailer.examples;

import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import java.time.LocalDate;

/**
 * The README's "build a quote in Java" snippet (the region between the tag comments), kept here so
 * the build proves it compiles and {@code BuildAQuoteTest} checks its totals.
 */
public final class BuildAQuote {
  private BuildAQuote() {}

  /** The quote a host builds from its own deal and product tables. */
  public static Quote fromTheHostsDeal() {
    // tag::build-quote[]
    Quote quote =
        Quote.builder(
                "COT-2025-0142",
                Company.builder("INAIR Climatización S.A. de C.V.").taxId("ICL010203AB1").build(),
                Customer.builder("Ing. Laura Méndez")
                    .company("Hospital San José")
                    .email("compras@hsjn.example")
                    .build(),
                Salesperson.of("juan", "Juan Pérez", "juan@inair.example")
                    .withPhone("+52 81 5555 0101"))
            .issueDate(LocalDate.of(2025, 12, 9)) // valid 30 days unless validUntil(...) says else
            .item(
                LineItem.builder("Minisplit inverter 2 TR", "3", Money.of("18450.00", "MXN"))
                    .sku("MS-24K")
                    .unit("pza")
                    .discountPercent("5")
                    .build())
            .item(
                LineItem.builder("Instalación", "3", Money.of("2500.00", "MXN"))
                    .unit("servicio")
                    .build())
            .notes("Precios en pesos mexicanos.")
            .build(); // validates everything: errors name the field, e.g. items[].quantity
    // end::build-quote[]
    return quote;
  }
}
