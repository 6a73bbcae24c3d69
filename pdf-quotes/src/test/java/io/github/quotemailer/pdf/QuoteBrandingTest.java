package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Branding is validated when built and shows in the rendered quote. */
class QuoteBrandingTest {

  @ParameterizedTest
  @ValueSource(strings = {"not an image", "GIF89a....", "%PDF-1.4"})
  void rejectsLogoBytesThatAreNotPngOrJpeg(String bytes) {
    assertThatThrownBy(
            () -> QuoteBranding.builder().logo(bytes.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("logo")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("logo");
  }

  @Test
  void rejectsATruncatedPng() {
    byte[] truncated = Arrays.copyOf(image("png"), 20);

    assertThatThrownBy(() -> QuoteBranding.builder().logo(truncated))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("logo");
  }

  @Test
  void rejectsEmptyLogoBytes() {
    assertThatThrownBy(() -> QuoteBranding.builder().logo(new byte[0]))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("logo");
  }

  @Test
  void rejectsFontBytesThatAreNotTrueType() {
    assertThatThrownBy(
            () -> QuoteBranding.builder().font("no font".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("font");
  }

  @Test
  void rejectsAColourThatIsNotHex() {
    assertThatThrownBy(() -> QuoteBranding.builder().accentColor("blue"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("accentColor");
  }

  @Test
  void printsAPngOrJpegLogoOnTheFirstPage() throws IOException {
    for (String format : new String[] {"png", "jpg"}) {
      QuoteBranding branding =
          QuoteBranding.builder().logo(image(format)).accentColor("#8A1538").build();
      byte[] pdf =
          OpenPdfQuoteRenderer.builder().branding(branding).build().render(SampleQuotes.sample());

      try (PDDocument document = Loader.loadPDF(pdf)) {
        var resources = document.getPage(0).getResources();
        long images = 0;
        for (COSName name : resources.getXObjectNames()) {
          if (resources.getXObject(name) instanceof PDImageXObject) {
            images++;
          }
        }
        assertThat(images).as(format).isEqualTo(1);
      }
    }
  }

  @Test
  void printsTheLogoOnEveryRenderOfOneRenderer() throws IOException {
    OpenPdfQuoteRenderer renderer =
        OpenPdfQuoteRenderer.builder()
            .branding(QuoteBranding.builder().logo(image("png")).build())
            .build();
    Instant queued = Instant.parse("2025-12-09T16:30:00Z");

    byte[] first = renderer.render(SampleQuotes.sample(), queued);
    renderer.render(SampleQuotes.withLines(30));
    byte[] second = renderer.render(SampleQuotes.sample(), queued);

    assertThat(second).isEqualTo(first);
    try (PDDocument document = Loader.loadPDF(second)) {
      var resources = document.getPage(0).getResources();
      assertThat(resources.getXObjectNames())
          .filteredOn(name -> isImage(resources, name))
          .hasSize(1);
    }
  }

  private static boolean isImage(PDResources resources, COSName name) {
    try {
      return resources.getXObject(name) instanceof PDImageXObject;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void keepsItsOwnCopyOfTheLogo() {
    byte[] logo = image("png");
    QuoteBranding branding = QuoteBranding.builder().logo(logo).build();
    Arrays.fill(logo, (byte) 0);

    assertThat(branding.logo()).get().satisfies(copy -> assertThat(copy[1]).isEqualTo((byte) 'P'));
  }

  @Test
  void acceptsAnotherTrueTypeFont() throws IOException {
    byte[] font;
    try (var in =
        getClass().getResourceAsStream("/io/github/quotemailer/pdf/fonts/DejaVuSans-Bold.ttf")) {
      font = in.readAllBytes();
    }
    QuoteBranding branding = QuoteBranding.builder().font(font).build();

    PdfText pdf =
        PdfText.parse(
            OpenPdfQuoteRenderer.builder()
                .branding(branding)
                .build()
                .render(SampleQuotes.sample()));

    assertThat(pdf.normalized()).contains("Laura Martínez Ñúñez");
    assertThat(pdf.fonts())
        .allMatch(f -> f.isEmbedded() && f.getName().contains("DejaVuSans-Bold"));
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(new Color(0x1F, 0x4E, 0x79));
    graphics.fillRect(0, 0, 120, 40);
    graphics.setColor(Color.WHITE);
    graphics.fillOval(10, 5, 30, 30);
    graphics.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
