package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.quote.Quote;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The README's builder snippet makes the quote it claims to. */
class BuildAQuoteTest {
  @Test
  void theSnippetBuildsAValidQuoteWithExactTotals() {
    Quote quote = BuildAQuote.fromTheHostsDeal();

    // 3 x 18450.00 x 0.95 = 52582.50; 3 x 2500.00 = 7500.00; IVA 16 % of 60082.50 = 9613.20.
    assertThat(quote.subtotal().amount()).isEqualByComparingTo(new BigDecimal("60082.50"));
    assertThat(quote.tax().amount()).isEqualByComparingTo(new BigDecimal("9613.20"));
    assertThat(quote.total().amount()).isEqualByComparingTo(new BigDecimal("69695.70"));
    assertThat(quote.validUntil()).isEqualTo(LocalDate.of(2026, 1, 8));
    assertThat(quote.customer().email()).get().hasToString("compras@hsjn.example");
    assertThat(quote.salesperson().phone()).contains("+52 81 5555 0101");
    assertThat(quote.fileName()).isEqualTo("COT-2025-0142.pdf");
  }
}
