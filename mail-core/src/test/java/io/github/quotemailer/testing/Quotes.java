package io.github.quotemailer.testing;

import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Test quotes shaped like the sample quote of the documentation. */
public final class Quotes {
  private Quotes() {}

  /** The sample quote COT-2025-0142 for salesperson {@code userId}. */
  public static Quote sample(String userId) {
    Company company =
        new Company(
            "INAIR Climatización S.A. de C.V.",
            Optional.of("ICL010101AB1"),
            Optional.of("Av. Industrias 1234, Col. Centro, Monterrey, N.L., México"),
            Optional.of("+52 81 5555 0100"),
            Optional.of("ventas@inair.example"),
            Optional.of("https://inair.example"));
    Customer customer =
        new Customer(
            "Laura Martínez Ñúñez",
            Optional.of("Hospital San José del Norte"),
            Optional.of("HSJ990101XY2"),
            Optional.of(EmailAddress.of("compras@hsjn.example")),
            Optional.of("Calle Reforma 45, Saltillo, Coah."));
    Salesperson salesperson =
        new Salesperson(
            userId, "Juan Pérez", EmailAddress.of(userId + "@inair.example"), Optional.empty());
    return Quote.builder("COT-2025-0142", company, customer, salesperson)
        .dates(LocalDate.of(2025, 12, 9), LocalDate.of(2026, 1, 8))
        .item(
            line(
                "MS-24K-INV",
                "Minisplit inverter 24,000 BTU, 220 V, sólo frío",
                "4",
                "pza",
                "18450.00",
                "5"))
        .item(line("INST-MS", "Instalación de minisplit", "4", "servicio", "3200.00", "0"))
        .item(line("TUB-CU-38", "Tubería de cobre 3/8\" adicional", "12.5", "m", "289.90", "0"))
        .item(
            line(
                "MANT-ANUAL",
                "Póliza de mantenimiento preventivo anual",
                "1",
                "póliza",
                "7800.00",
                "10"))
        .notes("Precios en pesos mexicanos.")
        .build();
  }

  private static LineItem line(
      String sku, String description, String qty, String unit, String price, String discount) {
    return new LineItem(
        Optional.of(sku),
        description,
        new BigDecimal(qty),
        Optional.of(unit),
        Money.of(price, "MXN"),
        new BigDecimal(discount),
        false);
  }
}
