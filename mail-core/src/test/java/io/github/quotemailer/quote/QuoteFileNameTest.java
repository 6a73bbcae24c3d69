package io.github.quotemailer.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.testing.Quotes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteFileNameTest {
  private final Quote sample = Quotes.sample("juan");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "..               | __.pdf",
        ".hidden          | _hidden.pdf",
        "../../etc/passwd | ___.._etc_passwd.pdf",
        "COT-2025.0142    | COT-2025.0142.pdf"
      })
  void neverStartsWithADot(String number, String fileName) {
    Quote quote =
        Quote.builder(number, sample.company(), sample.customer(), sample.salesperson())
            .item(LineItem.of("x", "1", Money.of("1.00", "MXN")))
            .build();

    assertThat(quote.fileName()).isEqualTo(fileName).doesNotStartWith(".");
  }
}
