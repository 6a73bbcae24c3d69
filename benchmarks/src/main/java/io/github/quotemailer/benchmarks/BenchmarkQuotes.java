package io.github.quotemailer.benchmarks;

import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The quotes both benchmarks lay out: the sample's parties with {@code n} numbered lines, every
 * seventh one long enough to wrap, so the 200-line quote spans several pages and the header row
 * repeats. The bare OpenPDF baseline gets the same cell texts from {@link #tableRows}.
 */
final class BenchmarkQuotes {
  /** The pdf-quotes column headings in Spanish (its labels.properties), the quotes' language. */
  static final String[] HEADINGS = {
    "#", "Clave", "Descripción", "Cant.", "Unidad", "P. unitario", "Desc. %", "Importe"
  };

  private static final String FONT_FOLDER = "/io/github/quotemailer/pdf/fonts/";

  private BenchmarkQuotes() {}

  /** A Spanish (Mexico) quote in pesos with {@code lines} lines, notes and terms. */
  static Quote withLines(int lines) {
    Quote.Builder builder =
        Quote.builder("COT-2025-0999", company(), customer(), salesperson())
            .dates(LocalDate.of(2025, 12, 9), LocalDate.of(2026, 1, 8))
            .notes("Precios en pesos mexicanos. Sujetos a cambio sin previo aviso.")
            .term("Vigencia de la cotización: 30 días naturales.")
            .term("Forma de pago: 50% de anticipo y 50% contra entrega.");
    for (int i = 1; i <= lines; i++) {
      builder.item(
          new LineItem(
              Optional.of("SKU-" + i),
              description(i),
              new BigDecimal("2"),
              Optional.of("pza"),
              Money.of("150.00", "MXN"),
              new BigDecimal(i % 3 == 0 ? "5" : "0"),
              false));
    }
    return builder.build();
  }

  /**
   * The texts of the line table's cells, one array per line, formatted as the renderer prints a
   * Spanish quote in pesos ({@code $1,234.50}, quantities without trailing zeros, "—" for no
   * discount), so the baseline lays out exactly the same strings.
   */
  static List<String[]> tableRows(Quote quote) {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < quote.items().size(); i++) {
      LineItem item = quote.items().get(i);
      rows.add(
          new String[] {
            Integer.toString(i + 1),
            item.sku().orElse(""),
            item.description(),
            format("#,##0.####", item.quantity()),
            item.unit().orElse(""),
            "$" + format("#,##0.00", item.unitPrice().amount()),
            item.discountPercent().signum() == 0 ? "—" : format("0.####", item.discountPercent()),
            "$" + format("#,##0.00", item.amount().amount())
          });
    }
    return rows;
  }

  /** The bytes of a DejaVu font bundled in pdf-quotes ({@code DejaVuSans.ttf} or the bold). */
  static byte[] bundledFont(String fileName) {
    try (InputStream in = BenchmarkQuotes.class.getResourceAsStream(FONT_FOLDER + fileName)) {
      if (in == null) {
        throw new IllegalStateException("pdf-quotes is not on the class path: no " + fileName);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FONT_FOLDER + fileName, e);
    }
  }

  private static String description(int i) {
    String text = String.format(Locale.ROOT, "Artículo de prueba número %03d", i);
    return i % 7 == 0
        ? text + " con descripción larga: " + "compresor y ventilador ".repeat(6) + "fin"
        : text;
  }

  private static String format(String pattern, BigDecimal value) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  private static Company company() {
    return new Company(
        "INAIR Climatización S.A. de C.V.",
        Optional.of("ICL010101AB1"),
        Optional.of("Av. Industrias 1234, Col. Centro, Monterrey, N.L., México"),
        Optional.of("+52 81 5555 0100"),
        Optional.of("ventas@inair.example"),
        Optional.of("https://inair.example"));
  }

  private static Customer customer() {
    return new Customer(
        "Laura Martínez Ñúñez",
        Optional.of("Hospital San José del Norte"),
        Optional.of("HSJ990101XY2"),
        Optional.of(EmailAddress.of("compras@hsjn.example")),
        Optional.of("Calle Reforma 45, Saltillo, Coah."));
  }

  private static Salesperson salesperson() {
    return new Salesperson(
        "juan",
        "Juan Pérez",
        EmailAddress.of("juan@inair.example"),
        Optional.of("+52 81 5555 0142"));
  }
}
