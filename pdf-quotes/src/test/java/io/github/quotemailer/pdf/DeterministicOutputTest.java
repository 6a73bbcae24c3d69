package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With a fixed instant, the same quote gives the same bytes; without it, each PDF is unique. */
class DeterministicOutputTest {
  private static final Instant FIXED = Instant.parse("2025-12-09T16:30:00Z");

  @Test
  void rendersByteIdenticalOutputTwice() {
    byte[] first =
        OpenPdfQuoteRenderer.builder().deterministic(FIXED).build().render(SampleQuotes.sample());
    byte[] second =
        OpenPdfQuoteRenderer.builder().deterministic(FIXED).build().render(SampleQuotes.sample());

    assertThat(second).isEqualTo(first);
  }

  @Test
  void stampsTheFixedDatesInTheDocument() {
    byte[] pdf =
        OpenPdfQuoteRenderer.builder().deterministic(FIXED).build().render(SampleQuotes.sample());

    assertThat(new String(pdf, StandardCharsets.ISO_8859_1))
        .contains("/CreationDate(D:20251209163000Z)")
        .contains("/ModDate(D:20251209163000Z)");
  }

  @Test
  void givesAnotherQuoteAnotherDocumentId() {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.builder().deterministic(FIXED).build();

    String first = trailerId(renderer.render(SampleQuotes.sample()));
    String second = trailerId(renderer.render(SampleQuotes.sampleBuilder().version(2).build()));

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void differsBetweenRendersByDefault() {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();

    assertThat(renderer.render(SampleQuotes.sample()))
        .isNotEqualTo(renderer.render(SampleQuotes.sample()));
  }

  @Test
  void rendersTheSameBytesFromManyThreadsAtOnce() throws Exception {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.builder().deterministic(FIXED).build();
    byte[] expected = renderer.render(SampleQuotes.sample());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> renders = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        renders.add(pool.submit(() -> renderer.render(SampleQuotes.sample())));
      }
      for (Future<byte[]> render : renders) {
        assertThat(render.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String trailerId(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    int at = text.lastIndexOf("/ID [");
    return text.substring(at, text.indexOf(']', at) + 1);
  }
}
