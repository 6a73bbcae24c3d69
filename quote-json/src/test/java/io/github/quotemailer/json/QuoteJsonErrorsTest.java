package io.github.quotemailer.json;

import static io.github.quotemailer.json.Samples.sampleWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad value in an otherwise valid sample is rejected with the field's full name. */
class QuoteJsonErrorsTest {
  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // the documented rules
        "\"quantity\": \"4\"             | \"quantity\": \"0\"                  | items[0].quantity",
        "\"quantity\": \"4\"             | \"quantity\": \"-1\"                 | items[0].quantity",
        "\"quantity\": \"4\"             | \"quantity\": \"1.00001\"            | items[0].quantity",
        "\"quantity\": \"4\"             | \"quantity\": \"\"                   | items[0].quantity",
        "\"unitPrice\": \"18450.00\"     | \"unitPrice\": \"18450.001\"         | items[0].unitPrice",
        "\"unitPrice\": \"289.90\"       | \"unitPrice\": \"-289.90\"           | items[2].unitPrice",
        "\"discountPercent\": \"5\"      | \"discountPercent\": \"150\"         | items[0].discountPercent",
        "\"discountPercent\": \"10\"     | \"discountPercent\": \"9.99999\"     | items[3].discountPercent",
        "\"taxRatePercent\": \"16\"      | \"taxRatePercent\": \"101\"          | taxRatePercent",
        "\"taxRatePercent\": \"16\"      | \"taxRatePercent\": \"16.00001\"     | taxRatePercent",
        "\"name\": \"Laura Martínez Ñúñez\" | \"name\": \"\"                     | customer.name",
        "\"name\": \"INAIR Climatización S.A. de C.V.\" | \"name\": null          | company.name",
        "\"email\": \"compras@hsjn.example\" | \"email\": \"compras\"            | customer.email",
        "\"email\": \"juan@inair.example\", | ``                                | salesperson.email",
        "\"number\": \"COT-2025-0142\"   | \"number\": \"  \"                   | number",
        "\"version\": 1                  | \"version\": 0                       | version",
        "\"description\": \"Minisplit inverter 24,000 BTU, 220 V, sólo frío\", | `` | items[0].description",
        "\"validUntil\": \"2026-01-08\"  | \"validUntil\": \"2025-12-01\"       | validUntil",
        // unknown codes and formats
        "\"currency\": \"MXN\"           | \"currency\": \"PESOS\"              | currency",
        "\"currency\": \"MXN\"           | \"currency\": \"ZZZ\"                | currency",
        "\"locale\": \"es-MX\"           | \"locale\": \"xx-MX\"                | locale",
        "\"locale\": \"es-MX\"           | \"locale\": \"es-QQ\"                | locale",
        "\"locale\": \"es-MX\"           | \"locale\": \"es_MX\"                | locale",
        "\"locale\": \"es-MX\"           | \"locale\": \"klingon\"              | locale",
        "\"locale\": \"es-MX\"           | \"locale\": \"es-MX-u-nu-arab\"      | locale",
        "\"issueDate\": \"2025-12-09\"   | \"issueDate\": \"2025-13-09\"        | issueDate",
        "\"issueDate\": \"2025-12-09\"   | \"issueDate\": \"2025-02-30\"        | issueDate",
        "\"issueDate\": \"2025-12-09\"   | \"issueDate\": \"09/12/2025\"        | issueDate",
        "\"issueDate\": \"2025-12-09\"   | \"issueDate\": \"２０２５-12-09\"     | issueDate",
        // not plain ASCII decimals
        "\"unitPrice\": \"289.90\"       | \"unitPrice\": \"２８９.９０\"        | items[2].unitPrice",
        "\"unitPrice\": \"289.90\"       | \"unitPrice\": \"1e400\"             | items[2].unitPrice",
        "\"unitPrice\": \"289.90\"       | \"unitPrice\": \"289,90\"            | items[2].unitPrice",
        "\"quantity\": \"12.5\"          | \"quantity\": \"١٢\"                 | items[2].quantity",
        // amounts that do not fit
        "\"unitPrice\": \"289.90\"       | \"unitPrice\": 1e400                 | items[2].unitPrice",
        "\"unitPrice\": \"289.90\"       | \"unitPrice\": \"1000000000000000.00\" | items[2].unitPrice",
        "\"quantity\": \"12.5\"          | \"quantity\": 1e999999999            | items[2].quantity",
        "\"unitPrice\": \"18450.00\"     | \"unitPrice\": \"999999999999999.99\" | items[0].quantity",
        "\"unitPrice\": \"7800.00\"      | \"unitPrice\": \"999999999999999.00\" | items",
        // wrong types
        "\"quantity\": \"4\"             | \"quantity\": {\"value\": 4}         | items[0].quantity",
        "\"quantity\": \"4\"             | \"quantity\": true                   | items[0].quantity",
        "\"name\": \"Laura Martínez Ñúñez\" | \"name\": [\"Laura\"]              | customer.name",
        "\"number\": \"COT-2025-0142\"   | \"number\": 142                      | number",
        "\"version\": 1                  | \"version\": 1.5                     | version",
        "\"version\": 1                  | \"version\": \"1\"                   | version",
        "\"version\": 1                  | \"version\": 99999999999             | version",
        "\"currency\": \"MXN\"           | \"currency\": {}                     | currency",
        "\"issueDate\": \"2025-12-09\"   | \"issueDate\": 20251209              | issueDate",
        "\"notes\": \"Precios en pesos mexicanos. Sujetos a cambio sin previo aviso.\" | \"notes\": 42 | notes",
        "\"unitPrice\": \"3200.00\"}     | \"unitPrice\": \"3200.00\", \"taxExempt\": \"yes\"} | items[1].taxExempt",
        "\"Vigencia de la cotización: 30 días naturales.\" | {\"text\": \"x\"} | terms[0]",
        "\"sku\": \"INST-MS\"            | \"sku\": 7                           | items[1].sku",
        "\"phone\": \"+52 81 5555 0142\" | \"phone\": {\"mobile\": \"1\"}       | salesperson.phone",
        // misspelt fields
        "\"discountPercent\": \"5\"      | \"discountPercnt\": \"5\"            | items[0].discountPercnt",
        "\"taxRatePercent\": \"16\"      | \"taxRate\": \"16\"                  | taxRate",
        "\"email\": \"compras@hsjn.example\" | \"mail\": \"compras@hsjn.example\" | customer.mail",
      })
  void rejectsBadValuesNamingTheField(String original, String replacement, String field) {
    String json = sampleWith(original, replacement);

    assertThatThrownBy(() -> QuoteJson.read(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "company     | \"INAIR\"",
        "customer    | null",
        "salesperson | [1, 2]",
        "items       | {}",
        "items       | []",
        "items       | null",
        "terms       | \"one term\"",
      })
  void rejectsAPartOfTheWrongShape(String field, String value) {
    String json = Samples.sampleWithField(field, value);

    assertThatThrownBy(() -> QuoteJson.read(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void rejectsALineThatIsNotAnObject() {
    String json = Samples.sampleWithField("items", "[\"four minisplits\"]");

    assertThatThrownBy(() -> QuoteJson.read(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items[0]"));
  }

  @Test
  void saysWhichFieldAndWhyInTheMessage() {
    String json = sampleWith("\"unitPrice\": \"289.90\"", "\"unitPrice\": \"289.901\"");

    assertThatThrownBy(() -> QuoteJson.read(json))
        .hasMessage("items[2].unitPrice: 289.901 has more than 2 decimals");
  }

  @Test
  void aMissingFileIsInvalidInputNamingIt(@TempDir Path folder) {
    Path missing = folder.resolve("nope.json");

    assertThatThrownBy(() -> QuoteJson.read(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("quote: ")
        .hasMessageContaining("nope.json");
  }

  @Test
  void aNullArgumentIsInvalidInputNotANullPointer() {
    assertThatThrownBy(() -> QuoteJson.read((String) null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("quote: is required");
    assertThatThrownBy(() -> QuoteJson.read((java.io.InputStream) null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> QuoteJson.read((Path) null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> QuoteJson.write(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aTextWithAByteOrderMarkReadsAsAStreamWithOneDoes() {
    String json = Samples.sampleText();

    assertThat(QuoteJson.read("\uFEFF" + json)).isEqualTo(QuoteJson.read(json));
  }
}
