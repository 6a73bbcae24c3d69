package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.quote.Quote;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's quote files; the format's own rules are tested in the quote-json module. */
class QuoteFilesTest {
  /** The sample the quote format is documented and tested with, in the quote-json module. */
  private static final Path DOCUMENTED_SAMPLE =
      Path.of(
          "..",
          "quote-json",
          "src",
          "test",
          "resources",
          "io",
          "github",
          "quotemailer",
          "json",
          "quote-sample.json");

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
    assertThat(DOCUMENTED_SAMPLE).as("the documented sample, in this repository").isRegularFile();

    assertThat(SampleQuoteFile.text()).isEqualTo(Files.readString(DOCUMENTED_SAMPLE));
  }

  @Test
  void readsAQuoteFileWithItsLogoBesideIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("quote.json");
    Files.writeString(
        file, SampleQuoteFile.text().replaceFirst("\\{", "{\n  \"logo\": \"brand/logo.png\","));

    assertThat(QuoteJson.read(file)).isEqualTo(QuoteFiles.sample());
    assertThat(QuoteFiles.logoPath(file)).contains(dir.resolve("brand/logo.png").toAbsolutePath());
  }

  @Test
  void aQuoteFileWithoutALogoHasNone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("quote.json");
    Files.writeString(file, SampleQuoteFile.text());

    assertThat(QuoteFiles.logoPath(file)).isEmpty();
  }

  @Test
  void rejectsBadFilesNamingTheField(@TempDir Path dir) throws Exception {
    Path badPrice = dir.resolve("price.json");
    Files.writeString(
        badPrice,
        SampleQuoteFile.text().replace("\"unitPrice\": \"289.90\"", "\"unitPrice\": \"２８９.９０\""));
    Path badLogo = dir.resolve("logo.json");
    Files.writeString(
        badLogo, SampleQuoteFile.text().replaceFirst("\\{", "{\n  \"logo\": {\"file\": 1},"));

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
}
