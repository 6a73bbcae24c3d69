package io.github.quotemailer.json;

import static io.github.quotemailer.json.Samples.sampleText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.LineItem;
import io.github.quotemailer.quote.Money;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteJsonRoundTripTest {
  @Test
  void readsTheSampleExactly() {
    Quote quote = QuoteJson.read(sampleText());

    assertThat(quote.number()).isEqualTo("COT-2025-0142");
    assertThat(quote.issueDate()).isEqualTo(LocalDate.of(2025, 12, 9));
    assertThat(quote.locale()).isEqualTo(Locale.forLanguageTag("es-MX"));
    assertThat(quote.customer().email())
        .hasValueSatisfying(e -> assertThat(e.value()).isEqualTo("compras@hsjn.example"));
    assertThat(quote.salesperson().phone()).contains("+52 81 5555 0142");
    assertThat(quote.items()).hasSize(4);
    assertThat(quote.items().get(2).quantity()).isEqualTo(new BigDecimal("12.5"));
    assertThat(quote.items().get(0).discountPercent()).isEqualTo(new BigDecimal("5"));
    assertThat(quote.terms()).hasSize(3);
    assertThat(quote.total().amount()).isEqualByComparingTo("108522.35");
  }

  @Test
  void writesTheSampleInTheDocumentedFormat() throws Exception {
    String written = QuoteJson.write(QuoteJson.read(sampleText()));

    ObjectMapper plain = new ObjectMapper();
    assertThat(plain.readTree(written)).isEqualTo(plain.readTree(sampleText()));
    assertThat(written).startsWith("{\n  \"number\": \"COT-2025-0142\",\n").endsWith("}\n");
  }

  @Test
  void amountsAreWrittenAsStrings() throws Exception {
    JsonNode written = new ObjectMapper().readTree(QuoteJson.write(QuoteJson.read(sampleText())));

    JsonNode line = written.get("items").get(2);
    assertThat(line.get("quantity").isTextual()).isTrue();
    assertThat(line.get("quantity").textValue()).isEqualTo("12.5");
    assertThat(line.get("unitPrice").textValue()).isEqualTo("289.90");
    assertThat(written.get("taxRatePercent").textValue()).isEqualTo("16");
    assertThat(written.get("version").isInt()).isTrue();
  }

  @Test
  void writeThenReadGivesAnEqualQuote() {
    Quote sample = QuoteJson.read(sampleText());

    assertThat(QuoteJson.read(QuoteJson.write(sample))).isEqualTo(sample);
  }

  @Test
  void everyFieldSurvivesTheRoundTrip() {
    Quote quote =
        Quote.builder(
                "Q/2026 #1",
                Company.named("Acme"),
                Customer.builder("Jane Doe").email("jane@example.com").build(),
                Salesperson.of("jane", "Jane Roe", "jane.roe@example.com"))
            .version(3)
            .issueDate(LocalDate.of(2026, 2, 28))
            .validUntil(LocalDate.of(2026, 2, 28))
            .currency("USD")
            .locale(Locale.ENGLISH)
            .taxRatePercent(new BigDecimal("8.2500"))
            .item(
                LineItem.builder("Exempt service", "0.0001", Money.of("0.01", "USD"))
                    .taxExempt(true)
                    .build())
            .item(
                LineItem.builder("Two\nlines", new BigDecimal("1000"), Money.of("123456.70", "USD"))
                    .sku("A-1")
                    .unit("h")
                    .discountPercent("12.5000")
                    .build())
            .item(
                LineItem.builder("Explicitly undiscounted", "2.50", Money.of("10", "USD"))
                    .discountPercent("0.00")
                    .build())
            .item(
                LineItem.builder(
                        "The most one line may cost", "1", Money.of("900000000000000.00", "USD"))
                    .build())
            .notes("Line one\nLine two — con acentos y ñ")
            .terms(List.of("Net 30", "FOB origin"))
            .build();

    assertThat(QuoteJson.read(QuoteJson.write(quote))).isEqualTo(quote);
  }

  @Test
  void readsFromAStreamAndAFile(@TempDir Path folder) throws Exception {
    Quote sample = QuoteJson.read(sampleText());
    Path file = folder.resolve("quote.json");
    Files.writeString(file, QuoteJson.write(sample));

    assertThat(QuoteJson.read(file)).isEqualTo(sample);
    assertThat(
            QuoteJson.read(new ByteArrayInputStream(sampleText().getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(sample);
  }

  @Test
  void missingOptionalFieldsTakeTheirDefaults() {
    String minimal =
        """
        {"number": "Q-1",
         "company": {"name": "INAIR"},
         "customer": {"name": "Laura"},
         "salesperson": {"userId": "juan", "name": "Juan", "email": "juan@inair.example"},
         "items": [{"description": "x", "quantity": 4, "unitPrice": "1.50"}]}
        """;

    Quote quote = QuoteJson.read(minimal);

    assertThat(quote.version()).isEqualTo(1);
    assertThat(quote.currency().getCurrencyCode()).isEqualTo("MXN");
    assertThat(quote.locale()).isEqualTo(Quote.DEFAULT_LOCALE);
    assertThat(quote.taxRatePercent()).isEqualTo(Quote.DEFAULT_TAX_RATE_PERCENT);
    assertThat(quote.validUntil()).isEqualTo(quote.issueDate().plusDays(30));
    assertThat(quote.items().get(0).quantity()).isEqualTo(new BigDecimal("4"));
    assertThat(quote.terms()).isEmpty();
    assertThat(quote.notes()).isEmpty();
  }

  @Test
  void theLogoFieldIsAcceptedAndLeftToTheRenderCommand() {
    String withLogo =
        Samples.sampleWith(
            "\"number\": \"COT-2025-0142\",",
            "\"number\": \"COT-2025-0142\", \"logo\": \"logo.png\",");

    assertThat(QuoteJson.read(withLogo)).isEqualTo(QuoteJson.read(sampleText()));
  }
}
