package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.quote.Quote;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's quote files; the format's own rules are tested in the quote-json module. */
class QuoteFilesTest {
  @Test
  void readsTheBundledSample() {
    Quote quote = QuoteFiles.sample();

    assertThat(quote.number()).isEqualTo("COT-2025-0142");
    assertThat(quote.items()).hasSize(4);
    assertThat(quote.salesperson().userId()).isEqualTo("juan");
    assertThat(quote.total().amount()).isEqualByComparingTo("108522.35");
  }

  @Test
  void theBundledCopyMatchesTheDocumentedSample() throws Exception {
    Path documented = Path.of("..", "..", "shared", "examples", "quote-sample.json");
    Assumptions.assumeTrue(
        Files.exists(documented), "documented sample not beside the repository; skipped");

    assertThat(sampleText()).isEqualTo(Files.readString(documented));
  }

  @Test
  void readsAQuoteFileWithItsLogoBesideIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("quote.json");
    Files.writeString(file, sampleText().replaceFirst("\\{", "{\n  \"logo\": \"brand/logo.png\","));

    assertThat(QuoteJson.read(file)).isEqualTo(QuoteFiles.sample());
    assertThat(QuoteFiles.logoPath(file)).contains(dir.resolve("brand/logo.png").toAbsolutePath());
  }

  @Test
  void aQuoteFileWithoutALogoHasNone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("quote.json");
    Files.writeString(file, sampleText());

    assertThat(QuoteFiles.logoPath(file)).isEmpty();
  }

  @Test
  void rejectsBadFilesNamingTheField(@TempDir Path dir) throws Exception {
    Path badPrice = dir.resolve("price.json");
    Files.writeString(
        badPrice, sampleText().replace("\"unitPrice\": \"289.90\"", "\"unitPrice\": \"２８９.９０\""));
    Path badLogo = dir.resolve("logo.json");
    Files.writeString(badLogo, sampleText().replaceFirst("\\{", "{\n  \"logo\": {\"file\": 1},"));

    assertThatThrownBy(() -> QuoteJson.read(badPrice))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("items[2].unitPrice"));
    assertThatThrownBy(() -> QuoteJson.read(badLogo))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("logo"));
    assertThatThrownBy(() -> QuoteFiles.logoPath(badLogo))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("logo"));
  }

  private static String sampleText() {
    try (var in = QuoteFiles.class.getResourceAsStream("quote-sample.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
