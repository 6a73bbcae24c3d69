package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.quote.Quote;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteJsonTest {
  @Test
  void readsTheSampleExactly() {
    Quote quote = QuoteJson.sample();

    assertThat(quote.number()).isEqualTo("COT-2025-0142");
    assertThat(quote.items()).hasSize(4);
    assertThat(quote.items().get(2).quantity()).isEqualByComparingTo("12.5");
    assertThat(quote.salesperson().userId()).isEqualTo("juan");
    assertThat(quote.total().amount()).isEqualByComparingTo("108522.35");
  }

  @Test
  void theBundledCopyMatchesTheDocumentedSample() throws Exception {
    Path documented = Path.of("..", "..", "shared", "examples", "quote-sample.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(documented), "documented sample not beside the repository; skipped");
    try (var bundled = QuoteJson.class.getResourceAsStream("quote-sample.json")) {
      assertThat(new String(bundled.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(documented));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"quantity\": \"4\" | \"quantity\": \"0\" | items[0].quantity",
        "\"quantity\": \"4\" | \"quantity\": \"-1\" | items[0].quantity",
        "\"name\": \"Laura Martínez Ñúñez\" | \"name\": \"\" | customer.name",
        "\"unitPrice\": \"18450.00\" | \"unitPrice\": \"18450.001\" | items[0].unitPrice",
        "\"currency\": \"MXN\" | \"currency\": \"PESOS\" | currency",
        "\"discountPercent\": \"5\" | \"discountPercent\": \"150\" | items[0].discountPercent",
        "\"email\": \"compras@hsjn.example\" | \"email\": \"compras\" | customer.email"
      })
  void rejectsBadInputNamingTheField(String original, String replacement, String field) {
    String json = sampleText().replaceFirst(java.util.regex.Pattern.quote(original), replacement);
    assertThat(json).contains(replacement);

    assertThatThrownBy(
            () -> QuoteJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void rejectsSomethingThatIsNotJson() {
    assertThatThrownBy(
            () ->
                QuoteJson.read(new ByteArrayInputStream("{ nope".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("quote: is not valid JSON");
  }

  private static String sampleText() {
    try (var in = QuoteJson.class.getResourceAsStream("quote-sample.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
