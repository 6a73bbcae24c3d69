package io.github.quotemailer.examples;

import com.lowagie.text.pdf.PdfReader;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.pdf.QuoteBranding;
import io.github.quotemailer.quote.Quote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Renders a quote file to PDF and prints its page count and total. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Render a quote JSON file to PDF; prints the page count and the total.")
final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--quote", required = true, paramLabel = "FILE.json", description = "Quote file.")
  Path quoteFile;

  @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "PDF to write.")
  Path out;

  @Option(
      names = "--locale",
      paramLabel = "es-MX|en",
      description = "Document language; default: the quote's own locale.")
  String locale;

  @Option(
      names = "--logo",
      paramLabel = "FILE",
      description = "PNG or JPEG logo; default: the quote file's \"logo\" field, if any.")
  Path logo;

  @Override
  public Integer call() throws IOException {
    Quote quote = QuoteJson.read(quoteFile);
    if (locale != null) {
      quote = quote.withLocale(parseLocale(locale));
    }
    QuoteBranding.Builder branding = QuoteBranding.builder();
    Optional<Path> logoFile = Optional.ofNullable(logo).or(() -> QuoteFiles.logoPath(quoteFile));
    if (logoFile.isPresent()) {
      branding.logo(readLogo(logoFile.get()));
    }
    byte[] pdf = OpenPdfQuoteRenderer.builder().branding(branding.build()).build().render(quote);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(out, pdf);
    int pages = new PdfReader(pdf).getNumberOfPages();
    NumberFormat money = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("es-MX"));
    money.setCurrency(quote.currency());
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %d page%s, total %s %s (%d bytes)%n",
            out,
            pages,
            pages == 1 ? "" : "s",
            money.format(quote.total().amount()),
            quote.currency().getCurrencyCode(),
            pdf.length);
    return 0;
  }

  private static byte[] readLogo(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException("logo", "cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Locale parseLocale(String tag) {
    return switch (tag) {
      case "es-MX", "es" -> Locale.forLanguageTag("es-MX");
      case "en" -> Locale.ENGLISH;
      default -> throw new InvalidInputException("--locale", "'" + tag + "' is not es-MX or en");
    };
  }
}
