package io.github.quotemailer.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
