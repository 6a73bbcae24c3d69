package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.quote.Money;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts written in words as Mexican quotes print them, and their English equivalents. */
class AmountInWordsTest {

  @ParameterizedTest(name = "{0} MXN -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0.00         | CERO PESOS 00/100 M.N.
          0.35         | CERO PESOS 35/100 M.N.
          1.00         | UN PESO 00/100 M.N.
          1.05         | UN PESO 05/100 M.N.
          2.00         | DOS PESOS 00/100 M.N.
          16.00        | DIECISÉIS PESOS 00/100 M.N.
          21.00        | VEINTIÚN PESOS 00/100 M.N.
          22.00        | VEINTIDÓS PESOS 00/100 M.N.
          31.00        | TREINTA Y UN PESOS 00/100 M.N.
          100.00       | CIEN PESOS 00/100 M.N.
          101.00       | CIENTO UN PESOS 00/100 M.N.
          200.00       | DOSCIENTOS PESOS 00/100 M.N.
          500.00       | QUINIENTOS PESOS 00/100 M.N.
          700.00       | SETECIENTOS PESOS 00/100 M.N.
          900.00       | NOVECIENTOS PESOS 00/100 M.N.
          1000.00      | MIL PESOS 00/100 M.N.
          1001.00      | MIL UN PESOS 00/100 M.N.
          21000.00     | VEINTIÚN MIL PESOS 00/100 M.N.
          100000.00    | CIEN MIL PESOS 00/100 M.N.
          101000.00    | CIENTO UN MIL PESOS 00/100 M.N.
          108522.35    | CIENTO OCHO MIL QUINIENTOS VEINTIDÓS PESOS 35/100 M.N.
          1000000.00   | UN MILLÓN DE PESOS 00/100 M.N.
          1000001.00   | UN MILLÓN UN PESOS 00/100 M.N.
          1500000.00   | UN MILLÓN QUINIENTOS MIL PESOS 00/100 M.N.
          2000000.00   | DOS MILLONES DE PESOS 00/100 M.N.
          21000000.00  | VEINTIÚN MILLONES DE PESOS 00/100 M.N.
          999999999.99 | NOVECIENTOS NOVENTA Y NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE PESOS 99/100 M.N.
          """)
  void writesPesosInSpanish(String amount, String words) {
    assertThat(AmountInWords.spanish(Money.of(amount, "MXN"))).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0} MXN -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1000000000.00       | MIL MILLONES DE PESOS 00/100 M.N.
          1000000001.00       | MIL MILLONES UN PESOS 00/100 M.N.
          1001000000.00       | MIL UN MILLONES DE PESOS 00/100 M.N.
          1500000000.00       | MIL QUINIENTOS MILLONES DE PESOS 00/100 M.N.
          1160108510.75       | MIL CIENTO SESENTA MILLONES CIENTO OCHO MIL QUINIENTOS DIEZ PESOS 75/100 M.N.
          21000000000.00      | VEINTIÚN MIL MILLONES DE PESOS 00/100 M.N.
          101000000000.00     | CIENTO UN MIL MILLONES DE PESOS 00/100 M.N.
          1000000000000.00    | UN BILLÓN DE PESOS 00/100 M.N.
          1000000000001.00    | UN BILLÓN UN PESOS 00/100 M.N.
          1000001000000.00    | UN BILLÓN UN MILLÓN DE PESOS 00/100 M.N.
          1000500000000.00    | UN BILLÓN QUINIENTOS MILLONES DE PESOS 00/100 M.N.
          1500000000000.00    | UN BILLÓN QUINIENTOS MIL MILLONES DE PESOS 00/100 M.N.
          2000000000000.00    | DOS BILLONES DE PESOS 00/100 M.N.
          21000000000000.00   | VEINTIÚN BILLONES DE PESOS 00/100 M.N.
          2000000000500.00    | DOS BILLONES QUINIENTOS PESOS 00/100 M.N.
          999999999999999.99  | NOVECIENTOS NOVENTA Y NUEVE BILLONES NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE PESOS 99/100 M.N.
          """)
  void writesPesosAboveABillionInSpanishLongScale(String amount, String words) {
    assertThat(AmountInWords.spanish(Money.of(amount, "MXN"))).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1.00    | USD | UN DÓLAR 00/100 USD
          1234.00 | USD | MIL DOSCIENTOS TREINTA Y CUATRO DÓLARES 00/100 USD
          2000000 | USD | DOS MILLONES DE DÓLARES 00/100 USD
          21.50   | EUR | VEINTIÚN EUROS 50/100 EUR
          1000.00 | GBP | MIL 00/100 GBP
          1000000 | GBP | UN MILLÓN 00/100 GBP
          1000000000    | USD | MIL MILLONES DE DÓLARES 00/100 USD
          1000000000000 | EUR | UN BILLÓN DE EUROS 00/100 EUR
          1000000000000 | GBP | UN BILLÓN 00/100 GBP
          """)
  void writesOtherCurrenciesInSpanish(String amount, String currency, String words) {
    assertThat(AmountInWords.spanish(Money.of(amount, currency))).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0} MXN -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0.00         | Zero and 00/100 Mexican pesos
          1.00         | One and 00/100 Mexican pesos
          21.00        | Twenty-one and 00/100 Mexican pesos
          100.00       | One hundred and 00/100 Mexican pesos
          101.00       | One hundred one and 00/100 Mexican pesos
          1000.00      | One thousand and 00/100 Mexican pesos
          21000.00     | Twenty-one thousand and 00/100 Mexican pesos
          108522.35    | One hundred eight thousand five hundred twenty-two and 35/100 Mexican pesos
          1000000.00   | One million and 00/100 Mexican pesos
          1500000.00   | One million five hundred thousand and 00/100 Mexican pesos
          2000000.00   | Two million and 00/100 Mexican pesos
          999999999.99 | Nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine and 99/100 Mexican pesos
          """)
  void writesPesosInEnglish(String amount, String words) {
    assertThat(AmountInWords.english(Money.of(amount, "MXN"))).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0} MXN -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1000000000.00      | One billion and 00/100 Mexican pesos
          1000000001.00      | One billion one and 00/100 Mexican pesos
          1001000000.00      | One billion one million and 00/100 Mexican pesos
          1500000000.00      | One billion five hundred million and 00/100 Mexican pesos
          21000000000.00     | Twenty-one billion and 00/100 Mexican pesos
          1000000000000.00   | One trillion and 00/100 Mexican pesos
          1000000000001.00   | One trillion one and 00/100 Mexican pesos
          1200000000000.00   | One trillion two hundred billion and 00/100 Mexican pesos
          2000000000000.00   | Two trillion and 00/100 Mexican pesos
          999999999999999.99 | Nine hundred ninety-nine trillion nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine and 99/100 Mexican pesos
          """)
  void writesPesosAboveABillionInEnglishShortScale(String amount, String words) {
    assertThat(AmountInWords.english(Money.of(amount, "MXN"))).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1234.00   | USD | One thousand two hundred thirty-four and 00/100 US dollars
          108522.35 | USD | One hundred eight thousand five hundred twenty-two and 35/100 US dollars
          15.00     | EUR | Fifteen and 00/100 euros
          """)
  void writesOtherCurrenciesInEnglish(String amount, String currency, String words) {
    assertThat(AmountInWords.english(Money.of(amount, currency))).isEqualTo(words);
  }

  @Test
  void refusesANegativeAmount() {
    Money negative = Money.of("-0.01", "MXN");
    assertThatThrownBy(() -> AmountInWords.spanish(negative))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("amount");
    assertThatThrownBy(() -> AmountInWords.english(negative))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("amount");
  }

  @Test
  void spellsTheLargestAmountMoneyAccepts() {
    assertThat(AmountInWords.MAX).isEqualByComparingTo(Money.MAX_AMOUNT);
    Money largest = new Money(Money.MAX_AMOUNT, Currency.getInstance("MXN"));
    assertThat(AmountInWords.spanish(largest))
        .startsWith("NOVECIENTOS NOVENTA Y NUEVE BILLONES ")
        .endsWith(" PESOS 99/100 M.N.");
    assertThat(AmountInWords.english(largest))
        .startsWith("Nine hundred ninety-nine trillion ")
        .endsWith(" and 99/100 Mexican pesos");
  }
}
