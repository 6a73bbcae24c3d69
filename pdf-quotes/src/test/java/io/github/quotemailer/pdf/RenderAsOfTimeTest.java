package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.quote.Quote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.Test;

/**
 * {@code render(quote, renderedAt)}, which the delivery worker calls on every attempt with the time
 * the quote was queued: the same quote and time give the same bytes, dated that time.
 */
class RenderAsOfTimeTest {
  private static final Instant QUEUED = Instant.parse("2025-12-09T16:30:00Z");
  private static final Instant LATER = Instant.parse("2026-01-02T08:15:42Z");

  @Test
  void givesTheSameBytesForTheSameQuoteAndTime() {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();

    assertThat(renderer.render(SampleQuotes.sample(), QUEUED))
        .isEqualTo(renderer.render(SampleQuotes.sample(), QUEUED));
  }

  @Test
  void givesTheSameBytesAfterRendersOfOtherQuotes() {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();
    byte[] first = renderer.render(SampleQuotes.sample(), QUEUED);

    renderer.render(SampleQuotes.withLines(30));
    renderer.render(SampleQuotes.sample(Locale.ENGLISH), LATER);
    renderer.render(SampleQuotes.sampleBuilder().version(2).build());

    assertThat(renderer.render(SampleQuotes.sample(), QUEUED)).isEqualTo(first);
  }

  @Test
  void givesTheBytesOfADeterministicRendererAtThatTime() {
    byte[] deterministic =
        OpenPdfQuoteRenderer.builder().deterministic(QUEUED).build().render(SampleQuotes.sample());

    assertThat(OpenPdfQuoteRenderer.create().render(SampleQuotes.sample(), QUEUED))
        .isEqualTo(deterministic);
  }

  @Test
  void datesTheDocumentAtTheGivenTime() {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();

    Dates queued = dates(renderer.render(SampleQuotes.sample(), QUEUED));
    Dates later = dates(renderer.render(SampleQuotes.sample(), LATER));

    assertThat(queued).isEqualTo(new Dates(QUEUED, Optional.of(QUEUED)));
    assertThat(later).isEqualTo(new Dates(LATER, Optional.of(LATER)));
  }

  @Test
  void givesTheSameBytesFromTwoThreadsSharingOneRenderer() throws Exception {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();
    byte[] expected = OpenPdfQuoteRenderer.create().render(SampleQuotes.sample(), QUEUED);
    Quote other = SampleQuotes.withLines(25);
    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch start = new CountDownLatch(1);
    Callable<List<byte[]>> worker =
        () -> {
          ready.countDown();
          start.await();
          List<byte[]> pdfs = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            pdfs.add(renderer.render(SampleQuotes.sample(), QUEUED));
            renderer.render(other);
          }
          return pdfs;
        };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<List<byte[]>> first = threads.submit(worker);
      Future<List<byte[]>> second = threads.submit(worker);
      ready.await();
      start.countDown();

      for (Future<List<byte[]>> pdfs : List.of(first, second)) {
        assertThat(pdfs.get(60, TimeUnit.SECONDS))
            .allSatisfy(pdf -> assertThat(pdf).isEqualTo(expected));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void keepsTheClockForARenderWithoutTime() {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();
    renderer.render(SampleQuotes.sample(), QUEUED);
    Instant before = Instant.now().minusSeconds(1);

    Dates now = dates(renderer.render(SampleQuotes.sample()));

    assertThat(now.created()).isAfterOrEqualTo(before);
  }

  @Test
  void rendersAHostFontTheSameWayEveryTime() throws IOException {
    byte[] font;
    try (var in =
        getClass().getResourceAsStream("/io/github/quotemailer/pdf/fonts/DejaVuSans-Bold.ttf")) {
      font = in.readAllBytes();
    }
    OpenPdfQuoteRenderer renderer =
        OpenPdfQuoteRenderer.builder().branding(QuoteBranding.builder().font(font).build()).build();

    byte[] first = renderer.render(SampleQuotes.sample(), QUEUED);
    renderer.render(SampleQuotes.withLines(10));
    byte[] second = renderer.render(SampleQuotes.sample(), QUEUED);

    assertThat(second).isEqualTo(first);
    PdfText pdf = PdfText.parse(second);
    assertThat(pdf.normalized()).contains("Laura Martínez Ñúñez").contains("Total $108,522.35");
    assertThat(pdf.fonts())
        .allMatch(f -> f.isEmbedded() && f.getName().contains("DejaVuSans-Bold"));
  }

  @Test
  void namesAMissingQuoteOrTime() {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();

    assertThatThrownBy(() -> renderer.render(null, QUEUED))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("quote");
    assertThatThrownBy(() -> renderer.render(SampleQuotes.sample(), null))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("renderedAt");
  }

  /** The creation and modification dates a viewer shows under "Properties". */
  private record Dates(Instant created, Optional<Instant> modified) {}

  private static Dates dates(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDDocumentInformation information = document.getDocumentInformation();
      return new Dates(
          information.getCreationDate().toInstant(),
          Optional.ofNullable(information.getModificationDate()).map(Calendar::toInstant));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
