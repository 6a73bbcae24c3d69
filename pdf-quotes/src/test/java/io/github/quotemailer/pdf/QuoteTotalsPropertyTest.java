package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.pdf.internal.DocumentLanguage;
import io.github.quotemailer.pdf.internal.MoneyFormat;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The line amounts and totals of Quote, and the figures the PDF prints, checked against the money
 * rules of the LineItem, Money and Quote Javadoc worked out here from the raw inputs with plain
 * BigDecimal arithmetic: amount = qty x price x (100 - d) / 100 rounded HALF_UP to cents; subtotal
 * = sum of amounts; tax = taxable subtotal x rate / 100 rounded HALF_UP; total = subtotal + tax.
 */
class QuoteTotalsPropertyTest {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final Currency MXN = Currency.getInstance("MXN");

  @Property(tries = 1000)
  void quoteTotalsFollowTheMoneyRules(
      @ForAll("lineSets") List<Line> lines, @ForAll("rates") BigDecimal rate) {
    Quote quote = quoteOf(lines, rate);
    Expected expected = Expected.of(lines, rate);

    for (int i = 0; i < lines.size(); i++) {
      assertThat(quote.items().get(i).amount().amount())
          .as("amount of line %d", i)
          .isEqualByComparingTo(expected.lineAmounts().get(i));
    }
    assertThat(quote.subtotal().amount()).isEqualByComparingTo(expected.subtotal());
    assertThat(quote.discountTotal().amount()).isEqualByComparingTo(expected.discount());
    assertThat(quote.tax().amount()).isEqualByComparingTo(expected.tax());
    assertThat(quote.total().amount()).isEqualByComparingTo(expected.total());
  }

  @Example
  void halfACentRoundsUpInLineAmountsAndTax() {
    // 12.5 x 0.01 = 0.125 and 1 x 0.25 x 0.90 = 0.225, so the subtotal is 0.13 + 0.23 = 0.36;
    // IVA 12.5 % of 0.36 = 0.045, so 0.05; total 0.41. HALF_EVEN or HALF_DOWN would give
    // 0.12, 0.22, 0.04.
    List<Line> lines =
        List.of(
            new Line(new BigDecimal("12.5"), new BigDecimal("0.01"), BigDecimal.ZERO, false),
            new Line(BigDecimal.ONE, new BigDecimal("0.25"), BigDecimal.TEN, false));

    Quote quote = quoteOf(lines, new BigDecimal("12.5"));

    assertThat(quote.items().get(0).amount().amount()).isEqualByComparingTo("0.13");
    assertThat(quote.items().get(1).amount().amount()).isEqualByComparingTo("0.23");
    assertThat(quote.subtotal().amount()).isEqualByComparingTo("0.36");
    assertThat(quote.tax().amount()).isEqualByComparingTo("0.05");
    assertThat(quote.total().amount()).isEqualByComparingTo("0.41");
  }

  @Property(tries = 40)
  void renderedPdfPrintsTheExpectedLineAmountsAndTotals(
      @ForAll("lineSets") List<Line> lines, @ForAll("rates") BigDecimal rate) {
    Quote quote = quoteOf(lines, rate);
    Expected expected = Expected.of(lines, rate);

    PdfText pdf = PdfText.parse(OpenPdfQuoteRenderer.create().render(quote));

    assertThat(pdf.normalized())
        .contains("Subtotal " + pesos(expected.subtotal()))
        .contains("Total " + pesos(expected.total()));
    // Each row reads quantity, unit, unit price, discount, amount: figures never wrap, however
    // large, and the amount is the one worked out here.
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String discount = line.discount().signum() == 0 ? "—" : MoneyFormat.percent(line.discount());
      assertThat(pdf.normalized())
          .as("line %d", i)
          .contains(
              String.join(
                  " ",
                  MoneyFormat.quantity(line.quantity()),
                  "pza",
                  pesos(line.price()),
                  discount,
                  pesos(expected.lineAmounts().get(i))));
    }
  }

  private static String pesos(BigDecimal amount) {
    return MoneyFormat.format(new Money(amount, MXN), DocumentLanguage.SPANISH);
  }

  /** A line as generated: the raw inputs of a LineItem. */
  record Line(BigDecimal quantity, BigDecimal price, BigDecimal discount, boolean taxExempt) {}

  /** Line amounts and totals computed from the raw inputs, without Quote, LineItem or Money. */
  record Expected(
      List<BigDecimal> lineAmounts,
      BigDecimal subtotal,
      BigDecimal discount,
      BigDecimal tax,
      BigDecimal total) {
    static Expected of(List<Line> lines, BigDecimal rate) {
      List<BigDecimal> lineAmounts = new ArrayList<>();
      BigDecimal subtotal = BigDecimal.ZERO;
      BigDecimal taxable = BigDecimal.ZERO;
      BigDecimal discount = BigDecimal.ZERO;
      for (Line line : lines) {
        BigDecimal gross = line.quantity().multiply(line.price());
        // Exact product first, then one rounding to cents (LineItem's Javadoc).
        BigDecimal amount =
            gross
                .multiply(HUNDRED.subtract(line.discount()))
                .divide(HUNDRED)
                .setScale(2, RoundingMode.HALF_UP);
        lineAmounts.add(amount);
        subtotal = subtotal.add(amount);
        discount = discount.add(gross.setScale(2, RoundingMode.HALF_UP).subtract(amount));
        if (!line.taxExempt()) {
          taxable = taxable.add(amount);
        }
      }
      BigDecimal tax = taxable.multiply(rate).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
      return new Expected(lineAmounts, subtotal, discount, tax, subtotal.add(tax));
    }
  }

  @Provide
  Arbitrary<List<Line>> lineSets() {
    // Quantities with one decimal and whole discounts often leave exactly half a cent, so a
    // rounding other than HALF_UP shows.
    Arbitrary<BigDecimal> quantities =
        Arbitraries.oneOf(
            Arbitraries.bigDecimals()
                .between(new BigDecimal("0.0001"), new BigDecimal("9999"))
                .ofScale(4),
            Arbitraries.bigDecimals()
                .between(new BigDecimal("0.1"), new BigDecimal("9999.9"))
                .ofScale(1));
    Arbitrary<BigDecimal> prices =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999.99")).ofScale(2);
    Arbitrary<BigDecimal> discounts =
        Arbitraries.oneOf(
            Arbitraries.just(BigDecimal.ZERO),
            Arbitraries.integers().between(0, 100).map(BigDecimal::valueOf),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, HUNDRED).ofScale(2));
    Arbitrary<Line> line =
        Combinators.combine(quantities, prices, discounts, Arbitraries.of(true, false, false))
            .as(Line::new);
    return line.list().ofMinSize(1).ofMaxSize(25);
  }

  @Provide
  Arbitrary<BigDecimal> rates() {
    return Arbitraries.oneOf(
        // 16 % and 8 % never leave half a cent of tax; 10 % and 5 % often do.
        Arbitraries.of("16", "8", "10", "5", "0").map(BigDecimal::new),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, HUNDRED).ofScale(2));
  }

  private static Quote quoteOf(List<Line> lines, BigDecimal rate) {
    Quote.Builder builder =
        Quote.builder(
                "COT-PROP",
                SampleQuotes.company(),
                SampleQuotes.customer(),
                SampleQuotes.salesperson())
            .dates(LocalDate.of(2025, 12, 9), LocalDate.of(2026, 1, 8))
            .currency(MXN)
            .taxRatePercent(rate);
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      builder.item(
          new LineItem(
              Optional.of("P-" + i),
              "Producto " + i,
              line.quantity(),
              Optional.of("pza"),
              new Money(line.price(), MXN),
              line.discount(),
              line.taxExempt()));
    }
    return builder.build();
  }
}
