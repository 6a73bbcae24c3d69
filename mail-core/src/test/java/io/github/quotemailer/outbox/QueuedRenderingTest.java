package io.github.quotemailer.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import io.github.quotemailer.testing.ScriptedSmtpServer.Security;
import io.github.quotemailer.testing.TinyPdfRenderer;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A queued quote is stored as the quote itself and rendered by the worker, as of the time it was
 * enqueued, so the click never waits for a PDF and every attempt attaches the same bytes.
 */
@Timeout(60)
class QueuedRenderingTest {
  @RegisterExtension final Closer closer = new Closer();

  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final RecordingRenderer renderer = new RecordingRenderer();
  private final QuoteEmail email = QuoteEmail.of(Quotes.sample("juan"), "compras@hsjn.example");

  @Test
  void enqueueStoresTheQuoteAndTheWorkerRendersItAsOfTheEnqueueTime() throws Exception {
    ScriptedSmtpServer company = server(ScriptedSmtpServer.builder());
    QuoteMailer mailer = mailer(company, null);

    EnqueueResult result = mailer.enqueue(email);

    assertThat(renderer.calls).as("nothing is rendered on the caller's thread").isEmpty();
    OutboxEntry stored = outbox.find(result.id()).orElseThrow();
    assertThat(stored.message().attachment())
        .isEqualTo(new OutboxAttachment.QuoteSnapshot(email.quote()));

    worker(mailer).runUntilIdle();

    Instant enqueuedAt = stored.message().enqueuedAt();
    assertThat(renderer.calls).containsExactly(new Call(email.quote(), enqueuedAt));
    assertThat(pdfOf(company.messages().get(0)))
        .isEqualTo(renderer.bytesFor(email.quote(), enqueuedAt));
    assertThat(outbox.find(result.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
  }

  @Test
  void everyAttemptAttachesTheSameBytes() throws Exception {
    ScriptedSmtpServer company =
        server(ScriptedSmtpServer.builder().once("DATA", "451 4.3.0 Try again later"));
    QuoteMailer mailer = mailer(company, null);
    EnqueueResult result = mailer.enqueue(email);

    worker(mailer).runUntilIdle();

    OutboxEntry entry = outbox.find(result.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.SENT);
    assertThat(entry.attempts()).isEqualTo(2);
    assertThat(renderer.calls)
        .hasSize(2)
        .allSatisfy(
            call ->
                assertThat(call).isEqualTo(new Call(email.quote(), entry.message().enqueuedAt())));
    assertThat(pdfOf(company.messages().get(0)))
        .isEqualTo(renderer.bytesFor(email.quote(), entry.message().enqueuedAt()));
  }

  @Test
  void renderingWhenEnqueuedStoresThePdfAndTheWorkerSendsItAsItIs() throws Exception {
    ScriptedSmtpServer company = server(ScriptedSmtpServer.builder());
    QuoteMailer mailer = mailer(company, QueuedRendering.WHEN_ENQUEUED);

    EnqueueResult result = mailer.enqueue(email);

    assertThat(renderer.calls).hasSize(1);
    OutboxEntry stored = outbox.find(result.id()).orElseThrow();
    byte[] pdf = renderer.bytesFor(email.quote(), stored.message().enqueuedAt());
    assertThat(stored.message().attachment()).isEqualTo(new OutboxAttachment.RenderedPdf(pdf));

    worker(mailer).runUntilIdle();

    assertThat(renderer.calls).as("the worker does not render again").hasSize(1);
    assertThat(pdfOf(company.messages().get(0))).isEqualTo(pdf);
  }

  @Test
  void aPdfOverTheSizeLimitIsADeadLetterWhenRenderedForSending() throws Exception {
    ScriptedSmtpServer company = server(ScriptedSmtpServer.builder());
    renderer.padding = 4096;
    QuoteMailer mailer = mailer(company, null, 2048);

    EnqueueResult result = mailer.enqueue(email);
    worker(mailer).runUntilIdle();

    OutboxEntry entry = outbox.find(result.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.DEAD);
    assertThat(entry.lastError()).hasValueSatisfying(e -> assertThat(e).contains("over the limit"));
    assertThat(company.connections()).isZero();
  }

  @Test
  void aPdfOverTheSizeLimitFailsTheCallWhenRenderedAtEnqueue() {
    ScriptedSmtpServer company = server(ScriptedSmtpServer.builder());
    renderer.padding = 4096;
    QuoteMailer mailer = mailer(company, QueuedRendering.WHEN_ENQUEUED, 2048);

    assertThatThrownBy(() -> mailer.enqueue(email))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("over the limit");
    assertThat(outbox.status(Instant.now()).count(OutboxState.PENDING)).isZero();
  }

  @Test
  void aRendererThatFailsIsRetriedThenDeadLettered() throws Exception {
    ScriptedSmtpServer company = server(ScriptedSmtpServer.builder());
    renderer.failing = true;
    QuoteMailer mailer = mailer(company, null);

    EnqueueResult result = mailer.enqueue(email);
    worker(mailer).runUntilIdle();

    OutboxEntry entry = outbox.find(result.id()).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.DEAD);
    assertThat(entry.attempts()).isEqualTo(MailerFixture.FAST_RETRY.maxAttempts());
    assertThat(entry.lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("rendering quote COT-2025-0142 failed"));
    assertThat(company.connections()).as("nothing to send without a PDF").isZero();
  }

  private static byte[] pdfOf(ScriptedSmtpServer.Envelope envelope) throws Exception {
    MimeMessage message =
        new MimeMessage(
            Session.getInstance(new Properties()), new ByteArrayInputStream(envelope.data()));
    MimeMultipart parts = (MimeMultipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
        return parts.getBodyPart(i).getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no attachment in the message");
  }

  private DeliveryWorker worker(QuoteMailer mailer) {
    DeliveryWorker worker =
        mailer
            .worker()
            .threads(1)
            .pollInterval(Duration.ofMillis(20))
            .retry(MailerFixture.FAST_RETRY)
            .build();
    closer.track(worker);
    return worker;
  }

  private QuoteMailer mailer(ScriptedSmtpServer company, QueuedRendering rendering) {
    return mailer(company, rendering, QuoteMailer.Builder.DEFAULT_MAX_MESSAGE_BYTES);
  }

  private QuoteMailer mailer(
      ScriptedSmtpServer company, QueuedRendering rendering, long maxMessageBytes) {
    QuoteMailer.Builder builder =
        MailerFixture.mailer(
                MailerFixture.company(MailerFixture.starttls(company)),
                new InMemoryUserSmtpRepository(),
                log,
                new DeliveryListener() {})
            .renderer(renderer)
            .outbox(outbox)
            .maxMessageBytes(maxMessageBytes);
    if (rendering != null) {
      builder.queuedRendering(rendering);
    }
    QuoteMailer mailer = builder.build();
    closer.track(mailer);
    return mailer;
  }

  private ScriptedSmtpServer server(ScriptedSmtpServer.Builder builder) {
    ScriptedSmtpServer server = builder.security(Security.STARTTLS).start();
    closer.track(server);
    return server;
  }

  record Call(Quote quote, Instant at) {}

  /**
   * Records every render; the bytes depend on the quote and the time asked for, and on the clock
   * when no time is given, as a real renderer's creation date does.
   */
  static final class RecordingRenderer implements QuoteDocumentRenderer {
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile int padding;
    volatile boolean failing;
    private final TinyPdfRenderer tiny = new TinyPdfRenderer();

    @Override
    public byte[] render(Quote quote) {
      return render(quote, Instant.now());
    }

    @Override
    public byte[] render(Quote quote, Instant renderedAt) {
      if (failing) {
        throw new IllegalStateException("font file missing");
      }
      calls.add(new Call(quote, renderedAt));
      return bytesFor(quote, renderedAt);
    }

    /** What {@link #render(Quote, Instant)} returns, without recording a call. */
    byte[] bytesFor(Quote quote, Instant renderedAt) {
      String stamp = "%CreationDate " + renderedAt + " " + "x".repeat(padding) + "\n";
      byte[] body = tiny.render(quote);
      byte[] pdf = new byte[body.length + stamp.length()];
      System.arraycopy(body, 0, pdf, 0, body.length);
      System.arraycopy(
          stamp.getBytes(StandardCharsets.US_ASCII), 0, pdf, body.length, stamp.length());
      return pdf;
    }
  }
}
