package io.github.quotemailer.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the sample PDFs to look at, not a check: {@code ./mvnw -pl pdf-quotes test
 * -Dtest=RenderSampleForLooking -Dquote.pdf.out=/tmp/quote-pdfs}.
 */
@EnabledIfSystemProperty(named = "quote.pdf.out", matches = ".+")
class RenderSampleForLooking {
  @Test
  void writesSamplePdfs() throws Exception {
    Path dir = Path.of(System.getProperty("quote.pdf.out"));
    Files.createDirectories(dir);
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();
    Files.write(dir.resolve("sample-es.pdf"), renderer.render(SampleQuotes.sample()));
    Files.write(dir.resolve("sample-en.pdf"), renderer.render(SampleQuotes.sample(Locale.ENGLISH)));
    Files.write(dir.resolve("lines-150.pdf"), renderer.render(SampleQuotes.withLines(150)));
    BufferedImage logo = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = logo.createGraphics();
    graphics.setColor(new Color(0x8A, 0x15, 0x38));
    graphics.fillRect(0, 0, 300, 100);
    graphics.setColor(Color.WHITE);
    graphics.fillOval(20, 15, 70, 70);
    graphics.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(logo, "png", png);
    QuoteBranding branding =
        QuoteBranding.builder().logo(png.toByteArray()).accentColor("#8A1538").build();
    Files.write(
        dir.resolve("sample-logo.pdf"),
        OpenPdfQuoteRenderer.builder().branding(branding).build().render(SampleQuotes.sample()));
  }
}
