package io.github.quotemailer.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.testing.Quotes;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountBoundsTest {
  private static final Currency MXN = Currency.getInstance("MXN");
  private final Quote sample = Quotes.sample("juan");

  @Test
  void acceptsTheLargestAmount() {
    assertThat(Money.of("999999999999999.99", "MXN").amount())
        .isEqualByComparingTo("999999999999999.99");
  }

  @Test
  void rejectsAnAmountWithSixteenIntegerDigits() {
    assertField(() -> Money.of("1000000000000000.00", "MXN"), "amount");
    assertField(() -> new Money(new BigDecimal("-1000000000000000"), MXN), "amount");
  }

  @Test
  void rejectsAnExponentThatWouldPrintHundredsOfDigits() {
    assertField(() -> Money.of("1e400", "MXN"), "amount");
    assertField(() -> new Money(new BigDecimal("1e400"), MXN), "amount");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void rejectsAHugeExponentWithoutExpandingIt() {
    assertField(() -> new Money(new BigDecimal("1e999999999"), MXN), "amount");
    assertField(() -> Money.rounded(new BigDecimal("1e999999999"), MXN), "amount");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "１２００.００", // full-width digits
        "١٢٠٠", // Arabic-Indic digits
        "1e2",
        "1E+2",
        "12.",
        ".5",
        "1,200.00",
        "1_200",
        "--1",
        "0x10",
        "NaN",
        "Infinity"
      })
  void parsesOnlyPlainAsciiDecimals(String value) {
    assertField(() -> Money.parse("items[].unitPrice", value), "items[].unitPrice");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0", "12", "-4470.00", "+3.5", "0.0001", " 18450.00 "})
  void parsesPlainDecimals(String value) {
    assertThat(Money.parse("amount", value)).isEqualByComparingTo(value.strip());
  }

  @Test
  void anErrorDoesNotEchoAHugeValue() {
    assertThatThrownBy(() -> Money.parse("items[0].quantity", "9".repeat(100_000)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("items[0].quantity");
              assertThat(e.getMessage()).hasSizeLessThan(200);
            });
  }

  @Test
  void rejectsAQuantityWithSixteenIntegerDigits() {
    assertField(() -> LineItem.of("x", "1e20", Money.of("1.00", "MXN")), "items[].quantity");
    assertField(
        () -> LineItem.of("x", "1000000000000000", Money.of("0.01", "MXN")), "items[].quantity");
    assertField(() -> line(new BigDecimal("1e400"), "1.00", "0"), "items[].quantity");
  }

  @Test
  void rejectsALineWhoseAmountDoesNotFit() {
    assertField(
        () -> LineItem.of("x", "999999999999999", Money.of("999999999999999.99", "MXN")),
        "items[].quantity");
    assertField(() -> line(new BigDecimal("2"), "500000000000000.00", "0"), "items[].quantity");
  }

  @Test
  void acceptsALineAtTheBound() {
    LineItem line = line(new BigDecimal("1"), "999999999999999.99", "0");
    assertThat(line.amount().amount()).isEqualByComparingTo("999999999999999.99");
  }

  @Test
  void rejectsAQuoteWhoseTotalDoesNotFit() {
    // Each line fits; their sum does not.
    assertField(
        () ->
            quoteOf(
                line(BigDecimal.ONE, "600000000000000.00", "0"),
                line(BigDecimal.ONE, "600000000000000.00", "0")),
        "items");
    // The subtotal fits; with 16 % IVA the total does not.
    assertField(() -> quoteOf(line(BigDecimal.ONE, "900000000000000.00", "0")), "items");
    // Nothing is charged, but the discounts printed under the subtotal would not fit.
    assertField(
        () ->
            quoteOf(
                line(BigDecimal.ONE, "600000000000000.00", "100"),
                line(BigDecimal.ONE, "600000000000000.00", "100")),
        "items");
  }

  @Test
  void aQuoteAtTheBoundPrintsItsTotals() {
    // 862068965517241.37 x 1.16 = 999999999999999.9892 -> 999999999999999.99
    Quote quote = quoteOf(line(BigDecimal.ONE, "862068965517241.37", "0"));
    assertThat(quote.total().amount()).isEqualByComparingTo("999999999999999.99");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aZeroWithAHugeScaleCostsNothing() {
    BigDecimal zero = new BigDecimal("0E-999999999");
    LineItem line = line(BigDecimal.ONE, "100.00", "0E-999999999");
    Quote quote =
        Quote.builder("Q-1", sample.company(), sample.customer(), sample.salesperson())
            .item(line)
            .taxRatePercent(zero)
            .build();

    assertThat(line.amount().amount()).isEqualByComparingTo("100.00");
    assertThat(quote.total().amount()).isEqualByComparingTo("100.00");
    assertThat(new Money(zero, MXN).amount().scale()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"12.12345", "1e-999999999", "-1", "100.0001"})
  void rejectsADiscountWithMoreThanFourDecimalsOrOutsideTheRange(String discount) {
    assertField(() -> line(BigDecimal.ONE, "1.00", discount), "items[].discountPercent");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"16.00001", "1e-999999999", "-1", "101"})
  void rejectsATaxRateWithMoreThanFourDecimalsOrOutsideTheRange(String rate) {
    assertField(
        () ->
            Quote.builder("Q-1", sample.company(), sample.customer(), sample.salesperson())
                .item(LineItem.of("x", "1", Money.of("1.00", "MXN")))
                .taxRatePercent(new BigDecimal(rate))
                .build(),
        "taxRatePercent");
  }

  private Quote quoteOf(LineItem... lines) {
    Quote.Builder builder =
        Quote.builder("Q-1", sample.company(), sample.customer(), sample.salesperson());
    for (LineItem line : lines) {
      builder.item(line);
    }
    return builder.build();
  }

  private static LineItem line(BigDecimal quantity, String price, String discount) {
    return new LineItem(
        Optional.empty(),
        "x",
        quantity,
        Optional.empty(),
        Money.of(price, "MXN"),
        new BigDecimal(discount),
        false);
  }

  private static void assertField(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
