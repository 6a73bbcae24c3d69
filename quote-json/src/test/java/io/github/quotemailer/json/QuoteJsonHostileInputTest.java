package io.github.quotemailer.json;

import static io.github.quotemailer.json.Samples.sampleText;
import static io.github.quotemailer.json.Samples.sampleWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.quote.Quote;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input written to hurt the reader gives a short {@link InvalidInputException}, quickly: never a
 * Jackson exception, a stack overflow or a number with a billion digits.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QuoteJsonHostileInputTest {
  private static final int MAX_MESSAGE = 400;

  @Test
  void deepNestingIsRefusedBeforeItExhaustsTheStack() {
    String deep = "[".repeat(200_000) + "]".repeat(200_000);

    assertRejected(sampleWith("\"notes\": \"", "\"nested\": " + deep + ", \"notes\": \""), "quote");
    assertRejected("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000), "quote");
  }

  @Test
  void aHugeNumberLiteralIsRefused() {
    assertRejected(
        sampleWith("\"quantity\": \"4\"", "\"quantity\": " + "9".repeat(100_000)), "quote");
    assertRejected(
        sampleWith("\"quantity\": \"4\"", "\"quantity\": " + "9".repeat(900)), "items[0].quantity");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1e400", "1e999999999", "-1e999999999", "1e-999999999", "1e99999999999"})
  void aJsonNumberWithAHugeExponentIsRefusedWithoutExpandingIt(String number) {
    assertRejected(
        sampleWith("\"unitPrice\": \"289.90\"", "\"unitPrice\": " + number),
        "items[2].unitPrice",
        "quote");
    assertRejected(
        sampleWith("\"discountPercent\": \"5\"", "\"discountPercent\": " + number),
        "items[0].discountPercent",
        "quote");
    assertRejected(
        sampleWith("\"taxRatePercent\": \"16\"", "\"taxRatePercent\": " + number),
        "taxRatePercent",
        "quote");
  }

  @Test
  void aZeroWithAHugeExponentIsReadAsAPlainZero() {
    String json =
        sampleWith("\"discountPercent\": \"5\"", "\"discountPercent\": 0e-999999999")
            .replace("\"taxRatePercent\": \"16\"", "\"taxRatePercent\": 0E-999999999");

    Quote quote = QuoteJson.read(json);

    assertThat(quote.items().get(0).discountPercent()).isZero();
    assertThat(quote.total().amount()).isEqualByComparingTo(quote.subtotal().amount());
    assertThat(QuoteJson.read(QuoteJson.write(quote))).isEqualTo(quote);
  }

  @Test
  void aHugeStringOfDigitsIsNotEchoed() {
    assertRejected(
        sampleWith("\"quantity\": \"4\"", "\"quantity\": \"" + "9".repeat(1_000_000) + "\""),
        "items[0].quantity");
  }

  @Test
  void anOversizedDocumentIsRefused() {
    String padding = "x".repeat((int) QuoteJson.MAX_DOCUMENT_LENGTH);

    assertRejected(sampleWith("\"notes\": \"", "\"notes\": \"" + padding), "quote");
  }

  @Test
  void aDuplicateFieldIsAnErrorNotTheLastOneWins() {
    assertRejected(
        sampleWith("\"currency\": \"MXN\"", "\"currency\": \"MXN\", \"currency\": \"USD\""),
        "quote");
  }

  @Test
  void anUnknownFieldWithAnOddNameIsRefusedWithoutEchoingIt() {
    assertRejected(
        sampleWith("\"notes\": \"", "\"\\u202Eevil\\u0000\": 1, \"notes\": \""), "quote");
    assertRejected(
        sampleWith("\"notes\": \"", "\"" + "n".repeat(10_000) + "\": 1, \"notes\": \""), "quote");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "   ",
        "null",
        "[]",
        "\"quote\"",
        "42",
        "{ nope",
        "{} {}",
        "{\"number\": \"Q-1\"} trailing"
      })
  void somethingThatIsNotAQuoteObjectIsRefused(String json) {
    assertRejected(json, "quote");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] latin1 = sampleText().getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> QuoteJson.read(new ByteArrayInputStream(latin1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("quote"));
  }

  private static void assertRejected(String json, String... fields) {
    assertThatThrownBy(() -> QuoteJson.read(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isIn((Object[]) fields);
              assertThat(e.getMessage()).hasSizeLessThan(MAX_MESSAGE);
            });
  }
}
