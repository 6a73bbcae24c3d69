package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void writesThePdfAndPrintsPagesAndTotal() throws Exception {
    Path quote = sample();
    Path pdf = dir.resolve("out/cotizacion.pdf");

    int exit = run("render", "--quote", quote.toString(), "--out", pdf.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("1 page,").contains("total $108,522.35 MXN");
    assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void rendersInEnglishOnRequest() throws Exception {
    int exit =
        run(
            "render",
            "--quote",
            sample().toString(),
            "--out",
            dir.resolve("q.pdf").toString(),
            "--locale",
            "en");

    assertThat(exit).as(err.toString()).isZero();
  }

  @Test
  void badInputExitsNonZeroWithTheFieldNamed() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, Files.readString(sample()).replaceFirst("\"quantity\": \"4\"", "\"quantity\": \"0\""));

    int exit = run("render", "--quote", bad.toString(), "--out", dir.resolve("x.pdf").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: items[0].quantity: 0 must be greater than zero");
    assertThat(dir.resolve("x.pdf")).doesNotExist();
  }

  @Test
  void aLogoThatIsNotAnImageIsRejected() throws Exception {
    Path fake = dir.resolve("logo.png");
    Files.writeString(fake, "not an image");

    int exit =
        run(
            "render",
            "--quote",
            sample().toString(),
            "--out",
            dir.resolve("y.pdf").toString(),
            "--logo",
            fake.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: logo:");
  }

  private int run(String... args) {
    CommandLine cli = QuoteMailerCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path sample() throws Exception {
    Path file = dir.resolve("quote.json");
    try (var in = QuoteFiles.class.getResourceAsStream("quote-sample.json")) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }
}
