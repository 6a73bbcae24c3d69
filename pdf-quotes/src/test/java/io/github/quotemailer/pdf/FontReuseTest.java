package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A renderer parses its fonts once and reuses them, one parsed set per render running at once. */
class FontReuseTest {
  private static final Instant QUEUED = Instant.parse("2025-12-09T16:30:00Z");

  @Test
  void parsesNothingBeforeTheFirstRender() {
    assertThat(OpenPdfQuoteRenderer.create().parsedFontSets()).isZero();
  }

  @Test
  void parsesTheFontsOnceForManyRendersOnOneThread() {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();

    renderer.render(SampleQuotes.sample());
    renderer.render(SampleQuotes.sample(), QUEUED);
    renderer.render(SampleQuotes.sample(Locale.ENGLISH));
    renderer.render(SampleQuotes.withLines(40), QUEUED);

    assertThat(renderer.parsedFontSets()).isEqualTo(1);
  }

  @Test
  void parsesAtMostOneSetPerThreadRenderingAtOnce() throws Exception {
    OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> renders =
          List.of(
              threads.submit(() -> rendersAfter(start, renderer)),
              threads.submit(() -> rendersAfter(start, renderer)));
      start.countDown();
      for (Future<?> render : renders) {
        render.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(renderer.parsedFontSets()).isBetween(1, 2);
  }

  private static Void rendersAfter(CountDownLatch start, OpenPdfQuoteRenderer renderer)
      throws InterruptedException {
    start.await();
    for (int i = 0; i < 5; i++) {
      renderer.render(SampleQuotes.sample(), QUEUED);
    }
    return null;
  }
}
