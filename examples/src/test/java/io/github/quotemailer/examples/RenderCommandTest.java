package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render}: a quote file to a PDF, read back as the customer would read it. */
class RenderCommandTest {
  // Labels only: the sample's own texts (descriptions, terms) are Spanish in both documents.
  private static final String[] SPANISH_LABELS = {
    "Descripción", "P. unitario", "Importe con letra", "Términos y condiciones", "Página 1 de 1"
  };
  private static final String[] ENGLISH_LABELS = {
    "Description", "Unit price", "Amount in words", "Terms and conditions", "Page 1 of 1"
  };

  @TempDir Path dir;

  @Test
  void writesThePdfAndPrintsPagesAndTotal() throws Exception {
    Path quote = SampleQuoteFile.copyInto(dir);
    Path pdf = dir.resolve("out/cotizacion.pdf");

    CliRun render = CliRun.run("", "render", "--quote", quote.toString(), "--out", pdf.toString());

    assertThat(render.exit()).as(render.err()).isZero();
    assertThat(render.out()).contains("1 page,").contains("total $108,522.35 MXN");
    assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void rendersInTheQuotesOwnSpanishByDefault() throws Exception {
    Path pdf = dir.resolve("q.pdf");

    CliRun render =
        CliRun.run(
            "",
            "render",
            "--quote",
            SampleQuoteFile.copyInto(dir).toString(),
            "--out",
            pdf.toString());

    assertThat(render.exit()).as(render.err()).isZero();
    assertThat(textOf(pdf))
        .contains("Cotización")
        .contains("9 de diciembre de 2025")
        .contains(SPANISH_LABELS)
        .doesNotContain(ENGLISH_LABELS);
  }

  @Test
  void rendersInEnglishOnRequest() throws Exception {
    Path pdf = dir.resolve("q.pdf");

    CliRun render =
        CliRun.run(
            "",
            "render",
            "--quote",
            SampleQuoteFile.copyInto(dir).toString(),
            "--out",
            pdf.toString(),
            "--locale",
            "en");

    assertThat(render.exit()).as(render.err()).isZero();
    assertThat(textOf(pdf))
        .contains("Valid until: January 8, 2026")
        .contains(ENGLISH_LABELS)
        .doesNotContain(SPANISH_LABELS);
  }

  @Test
  void badInputExitsNonZeroWithTheFieldNamed() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, SampleQuoteFile.text().replaceFirst("\"quantity\": \"4\"", "\"quantity\": \"0\""));

    CliRun render =
        CliRun.run(
            "", "render", "--quote", bad.toString(), "--out", dir.resolve("x.pdf").toString());

    assertThat(render.exit()).isEqualTo(2);
    assertThat(render.err()).startsWith("error: items[0].quantity: 0 must be greater than zero");
    assertThat(dir.resolve("x.pdf")).doesNotExist();
  }

  @Test
  void aLogoThatIsNotAnImageIsRejected() throws Exception {
    Path fake = dir.resolve("logo.png");
    Files.writeString(fake, "not an image");

    CliRun render =
        CliRun.run(
            "",
            "render",
            "--quote",
            SampleQuoteFile.copyInto(dir).toString(),
            "--out",
            dir.resolve("y.pdf").toString(),
            "--logo",
            fake.toString());

    assertThat(render.exit()).isEqualTo(2);
    assertThat(render.err()).startsWith("error: logo:");
  }

  /** The PDF's text as PDFBox extracts it, whitespace runs collapsed to one space. */
  private static String textOf(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
