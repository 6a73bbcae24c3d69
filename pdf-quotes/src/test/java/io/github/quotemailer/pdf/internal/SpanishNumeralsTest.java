package io.github.quotemailer.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers standing alone keep their full form ("CIENTO UNO"); before a noun they shorten. */
class SpanishNumeralsTest {

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0       | CERO                  | CERO
          1       | UNO                   | UN
          15      | QUINCE                | QUINCE
          16      | DIECISÉIS             | DIECISÉIS
          21      | VEINTIUNO             | VEINTIÚN
          26      | VEINTISÉIS            | VEINTISÉIS
          31      | TREINTA Y UNO         | TREINTA Y UN
          100     | CIEN                  | CIEN
          101     | CIENTO UNO            | CIENTO UN
          115     | CIENTO QUINCE         | CIENTO QUINCE
          1000    | MIL                   | MIL
          1021    | MIL VEINTIUNO         | MIL VEINTIÚN
          21021   | VEINTIÚN MIL VEINTIUNO | VEINTIÚN MIL VEINTIÚN
          1000000 | UN MILLÓN             | UN MILLÓN
          """)
  void spellsNumbersAloneAndBeforeANoun(long n, String alone, String beforeNoun) {
    assertThat(SpanishNumerals.words(n, false)).isEqualTo(alone);
    assertThat(SpanishNumerals.words(n, true)).isEqualTo(beforeNoun);
  }

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1000000000      | MIL MILLONES                        | MIL MILLONES
          1000000001      | MIL MILLONES UNO                    | MIL MILLONES UN
          1000000021      | MIL MILLONES VEINTIUNO              | MIL MILLONES VEINTIÚN
          1001000000      | MIL UN MILLONES                     | MIL UN MILLONES
          1021000000      | MIL VEINTIÚN MILLONES               | MIL VEINTIÚN MILLONES
          1500000000      | MIL QUINIENTOS MILLONES             | MIL QUINIENTOS MILLONES
          2000000000      | DOS MIL MILLONES                    | DOS MIL MILLONES
          21000000000     | VEINTIÚN MIL MILLONES               | VEINTIÚN MIL MILLONES
          31000000000     | TREINTA Y UN MIL MILLONES           | TREINTA Y UN MIL MILLONES
          101000000000    | CIENTO UN MIL MILLONES              | CIENTO UN MIL MILLONES
          101101000000    | CIENTO UN MIL CIENTO UN MILLONES    | CIENTO UN MIL CIENTO UN MILLONES
          1000000000000   | UN BILLÓN                           | UN BILLÓN
          1000000000001   | UN BILLÓN UNO                       | UN BILLÓN UN
          1000001000000   | UN BILLÓN UN MILLÓN                 | UN BILLÓN UN MILLÓN
          1001000000000   | UN BILLÓN MIL MILLONES              | UN BILLÓN MIL MILLONES
          2000000000000   | DOS BILLONES                        | DOS BILLONES
          21000000000000  | VEINTIÚN BILLONES                   | VEINTIÚN BILLONES
          101000000000000 | CIENTO UN BILLONES                  | CIENTO UN BILLONES
          121000000000101 | CIENTO VEINTIÚN BILLONES CIENTO UNO | CIENTO VEINTIÚN BILLONES CIENTO UN
          """)
  void spellsNumbersAboveABillionInTheLongScale(long n, String alone, String beforeNoun) {
    assertThat(SpanishNumerals.words(n, false)).isEqualTo(alone);
    assertThat(SpanishNumerals.words(n, true)).isEqualTo(beforeNoun);
  }

  @Test
  void spellsTheLargestNumber() {
    assertThat(SpanishNumerals.MAX).isEqualTo(999_999_999_999_999L);
    assertThat(SpanishNumerals.words(SpanishNumerals.MAX, false))
        .isEqualTo(
            "NOVECIENTOS NOVENTA Y NUEVE BILLONES"
                + " NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE MILLONES"
                + " NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE");
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 1_000_000_000_000_000L})
  void refusesNumbersOutsideTheRange(long n) {
    assertThatThrownBy(() -> SpanishNumerals.words(n, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999999999999999");
  }
}
