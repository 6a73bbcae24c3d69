package io.github.quotemailer.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.quote.Money;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts print with the currency mark a reader of that language expects, never ambiguously. */
class MoneyFormatTest {

  @ParameterizedTest(name = "{0} {1} in {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          108522.35 | MXN | SPANISH | $108,522.35
          108522.35 | MXN | ENGLISH | MX$108,522.35
          1234.00   | USD | SPANISH | US$1,234.00
          1234.00   | USD | ENGLISH | US$1,234.00
          0.5       | EUR | SPANISH | €0.50
          1.00      | GBP | ENGLISH | GBP 1.00
          -4470.00  | MXN | SPANISH | -$4,470.00
          """)
  void printsMoney(String amount, String currency, DocumentLanguage language, String expected) {
    assertThat(MoneyFormat.format(Money.of(amount, currency), language)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"4, 4", "12.5, 12.5", "12.5000, 12.5", "1500, '1,500'", "0.0001, 0.0001"})
  void printsQuantitiesWithTheDecimalsTheyNeed(String quantity, String expected) {
    assertThat(MoneyFormat.quantity(new BigDecimal(quantity))).isEqualTo(expected);
  }
}
