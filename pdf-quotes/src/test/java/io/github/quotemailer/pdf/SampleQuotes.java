package io.github.quotemailer.pdf;

import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Quotes for the tests: the shared sample (examples/quote-sample.json) and long variants. */
final class SampleQuotes {
  static final String[] SAMPLE_DESCRIPTIONS = {
    "Minisplit inverter 24,000 BTU, 220 V, sólo frío",
    "Instalación de minisplit (incluye hasta 5 m de tubería de cobre y soportería)",
    "Tubería de cobre 3/8\" adicional",
    "Póliza de mantenimiento preventivo anual (2 visitas)"
  };

  private SampleQuotes() {}

  /** The quote of quote-sample.json, field for field. */
  static Quote sample() {
    return sampleBuilder().build();
  }

  /** The sample in another language. */
  static Quote sample(Locale locale) {
    return sampleBuilder().locale(locale).build();
  }

  static Quote.Builder sampleBuilder() {
    Quote.Builder builder =
        Quote.builder("COT-2025-0142", company(), customer(), salesperson())
            .version(1)
            .dates(LocalDate.of(2025, 12, 9), LocalDate.of(2026, 1, 8))
            .currency(Currency.getInstance("MXN"))
            .locale(Locale.forLanguageTag("es-MX"))
            .item(line("MS-24K-INV", SAMPLE_DESCRIPTIONS[0], "4", "pza", "18450.00", "5"))
            .item(line("INST-MS", SAMPLE_DESCRIPTIONS[1], "4", "servicio", "3200.00", "0"))
            .item(line("TUB-CU-38", SAMPLE_DESCRIPTIONS[2], "12.5", "m", "289.90", "0"))
            .item(line("MANT-ANUAL", SAMPLE_DESCRIPTIONS[3], "1", "póliza", "7800.00", "10"))
            .taxRatePercent(new BigDecimal("16"))
            .notes("Precios en pesos mexicanos. Sujetos a cambio sin previo aviso.");
    List.of(
            "Vigencia de la cotización: 30 días naturales.",
            "Forma de pago: 50% de anticipo y 50% contra entrega.",
            "Garantía de 1 año en equipo y 6 meses en instalación.")
        .forEach(builder::term);
    return builder;
  }

  /** The sample's parties with {@code lines} numbered lines, each description unique. */
  static Quote withLines(int lines) {
    Quote.Builder builder =
        Quote.builder("COT-2025-0999", company(), customer(), salesperson())
            .dates(LocalDate.of(2025, 12, 9), LocalDate.of(2026, 1, 8));
    for (int i = 1; i <= lines; i++) {
      builder.item(line("SKU-" + i, description(i), "2", "pza", "150.00", i % 3 == 0 ? "5" : "0"));
    }
    return builder.build();
  }

  /** The description of line {@code i} in {@link #withLines}: no one is a prefix of another. */
  static String description(int i) {
    String text = String.format("Artículo de prueba número %03d", i);
    // Every seventh line is long enough to wrap over several lines of its cell.
    return i % 7 == 0
        ? text + " con descripción larga: " + "compresor y ventilador ".repeat(6) + "fin"
        : text;
  }

  static LineItem line(
      String sku, String description, String quantity, String unit, String price, String discount) {
    return new LineItem(
        Optional.of(sku),
        description,
        new BigDecimal(quantity),
        Optional.of(unit),
        Money.of(price, "MXN"),
        new BigDecimal(discount),
        false);
  }

  static Company company() {
    return new Company(
        "INAIR Climatización S.A. de C.V.",
        Optional.of("ICL010101AB1"),
        Optional.of("Av. Industrias 1234, Col. Centro, Monterrey, N.L., México"),
        Optional.of("+52 81 5555 0100"),
        Optional.of("ventas@inair.example"),
        Optional.of("https://inair.example"));
  }

  static Customer customer() {
    return new Customer(
        "Laura Martínez Ñúñez",
        Optional.of("Hospital San José del Norte"),
        Optional.of("HSJ990101XY2"),
        Optional.of(EmailAddress.of("compras@hsjn.example")),
        Optional.of("Calle Reforma 45, Saltillo, Coah."));
  }

  static Salesperson salesperson() {
    return new Salesperson(
        "juan",
        "Juan Pérez",
        EmailAddress.of("juan@inair.example"),
        Optional.of("+52 81 5555 0142"));
  }
}
