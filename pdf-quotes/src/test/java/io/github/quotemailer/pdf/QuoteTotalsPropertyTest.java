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
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The totals the PDF prints come from Quote; here they are checked against the money rules worked
 * out with plain BigDecimal arithmetic: amount = qty x price x (100 - d) / 100 rounded HALF_UP to
 * cents; tax = taxable subtotal x rate / 100 rounded HALF_UP; total = subtotal + tax.
 */
class QuoteTotalsPropertyTest {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final Currency MXN = Currency.getInstance("MXN");

  @Property(tries = 1000)
  void quoteTotalsFollowTheMoneyRules(
      @ForAll("lineSets") List<Line> lines, @ForAll("rates") BigDecimal rate) {
    Quote quote = quoteOf(lines, rate);
    Expected expected = Expected.of(lines, rate);

    assertThat(quote.subtotal().amount()).isEqualByComparingTo(expected.subtotal());
    assertThat(quote.discountTotal().amount()).isEqualByComparingTo(expected.discount());
    assertThat(quote.tax().amount()).isEqualByComparingTo(expected.tax());
    assertThat(quote.total().amount()).isEqualByComparingTo(expected.total());
  }

  @Property(tries = 40)
  void renderedPdfPrintsTheExpectedTotal(
      @ForAll("lineSets") List<Line> lines, @ForAll("rates") BigDecimal rate) {
    Quote quote = quoteOf(lines, rate);
    Expected expected = Expected.of(lines, rate);
    String total =
        MoneyFormat.format(new Money(expected.total(), quote.currency()), DocumentLanguage.SPANISH);

    PdfText pdf = PdfText.parse(OpenPdfQuoteRenderer.create().render(quote));

    assertThat(pdf.normalized()).contains("Total " + total);
    // Figures never wrap inside their cells, however large.
    for (LineItem item : quote.items()) {
      assertThat(pdf.normalized())
          .contains(MoneyFormat.quantity(item.quantity()) + " pza")
          .contains(MoneyFormat.format(item.amount(), DocumentLanguage.SPANISH));
    }
  }

  /** A line as generated: the raw inputs of a LineItem. */
  record Line(BigDecimal quantity, BigDecimal price, BigDecimal discount, boolean taxExempt) {}

  /** Totals computed without Quote or Money. */
  record Expected(BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total) {
    static Expected of(List<Line> lines, BigDecimal rate) {
      BigDecimal subtotal = BigDecimal.ZERO;
      BigDecimal taxable = BigDecimal.ZERO;
      BigDecimal discount = BigDecimal.ZERO;
      for (Line line : lines) {
        BigDecimal gross = line.quantity().multiply(line.price());
        BigDecimal amount =
            gross
                .multiply(HUNDRED.subtract(line.discount()))
                .divide(HUNDRED)
                .setScale(2, RoundingMode.HALF_UP);
        subtotal = subtotal.add(amount);
        discount = discount.add(gross.setScale(2, RoundingMode.HALF_UP).subtract(amount));
        if (!line.taxExempt()) {
          taxable = taxable.add(amount);
        }
      }
      BigDecimal tax = taxable.multiply(rate).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
      return new Expected(subtotal, discount, tax, subtotal.add(tax));
    }
  }

  @Provide
  Arbitrary<List<Line>> lineSets() {
    Arbitrary<BigDecimal> quantities =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("0.0001"), new BigDecimal("9999"))
            .ofScale(4);
    Arbitrary<BigDecimal> prices =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999.99")).ofScale(2);
    Arbitrary<BigDecimal> discounts =
        Arbitraries.oneOf(
            Arbitraries.just(BigDecimal.ZERO),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, HUNDRED).ofScale(2));
    Arbitrary<Line> line =
        Combinators.combine(quantities, prices, discounts, Arbitraries.of(true, false, false))
            .as(Line::new);
    return line.list().ofMinSize(1).ofMaxSize(25);
  }

  @Provide
  Arbitrary<BigDecimal> rates() {
    return Arbitraries.oneOf(
        Arbitraries.of(new BigDecimal("16"), new BigDecimal("8"), BigDecimal.ZERO),
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
