package io.github.quotemailer.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.testing.Quotes;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuoteTest {
  private final Quote sample = Quotes.sample("juan");

  @Test
  void totalsFollowTheMoneyRules() {
    // 4 x 18450.00 x 0.95 = 70110.00; 4 x 3200 = 12800.00; 12.5 x 289.90 = 3623.75;
    // 7800 x 0.90 = 7020.00; subtotal 93553.75; IVA 16% = 14968.60; total 108522.35.
    assertThat(sample.items())
        .extracting(i -> i.amount().amount().toPlainString())
        .containsExactly("70110.00", "12800.00", "3623.75", "7020.00");
    assertThat(sample.subtotal().amount()).isEqualByComparingTo("93553.75");
    assertThat(sample.discountTotal().amount()).isEqualByComparingTo("4470.00");
    assertThat(sample.tax().amount()).isEqualByComparingTo("14968.60");
    assertThat(sample.total().amount()).isEqualByComparingTo("108522.35");
    assertThat(sample.total().amount().scale()).isEqualTo(2);
  }

  @Test
  void roundsEachLineHalfUpToTheCent() {
    LineItem line =
        LineItem.builder("x", "3", Money.of("0.35", "MXN")).discountPercent("50").build();
    // 3 x 0.35 x 0.5 = 0.525 -> 0.53
    assertThat(line.amount().amount()).isEqualByComparingTo("0.53");
  }

  @Test
  void taxExemptLinesAreNotTaxed() {
    Quote quote =
        Quote.builder("Q-1", sample.company(), sample.customer(), sample.salesperson())
            .item(LineItem.of("taxed", "1", Money.of("100.00", "MXN")))
            .item(
                LineItem.builder("exempt", BigDecimal.ONE, Money.of("50.00", "MXN"))
                    .taxExempt(true)
                    .build())
            .build();
    assertThat(quote.tax().amount()).isEqualByComparingTo("16.00");
    assertThat(quote.total().amount()).isEqualByComparingTo("166.00");
  }

  @Test
  void missingOrBadQuoteDataIsRejectedNamingTheField() {
    assertThatThrownBy(
            () ->
                Quote.builder("Q-1", sample.company(), sample.customer(), sample.salesperson())
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("items");
    assertThatThrownBy(() -> LineItem.of("x", "0", Money.of("1.00", "MXN")))
        .hasMessageStartingWith("items[].quantity");
    assertThatThrownBy(() -> LineItem.of("x", "-2", Money.of("1.00", "MXN")))
        .hasMessageStartingWith("items[].quantity");
    assertThatThrownBy(() -> Money.of("1.001", "MXN")).hasMessageContaining("more than 2 decimals");
    assertThatThrownBy(() -> Money.of("1.00", "XYZ")).hasMessageStartingWith("currency");
    assertThatThrownBy(() -> Customer.named(" ")).hasMessageStartingWith("customer.name");
    assertThatThrownBy(
            () ->
                LineItem.builder("x", "1", Money.of("1.00", "MXN")).discountPercent("101").build())
        .hasMessageStartingWith("items[].discountPercent");
    assertThatThrownBy(
            () ->
                Quote.builder("Q-1", sample.company(), sample.customer(), sample.salesperson())
                    .dates(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1))
                    .item(LineItem.of("x", "1", Money.of("1.00", "MXN")))
                    .build())
        .hasMessageStartingWith("validUntil");
    assertThatThrownBy(
            () ->
                Quote.builder("Q-1", sample.company(), sample.customer(), sample.salesperson())
                    .item(LineItem.of("x", "1", Money.of("1.00", "USD")))
                    .build())
        .hasMessageStartingWith("items[0].unitPrice");
  }

  @Test
  void fileNameIsSafe() {
    Quote odd =
        Quote.builder("COT/2025 #7", sample.company(), sample.customer(), sample.salesperson())
            .item(LineItem.of("x", "1", Money.of("1.00", "MXN")))
            .build();
    assertThat(odd.fileName()).isEqualTo("COT_2025__7.pdf");
  }
}
