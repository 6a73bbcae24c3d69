package io.github.quotemailer.benchmarks;

import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.quote.QuoteDocumentRenderer;

/**
 * QuoteMailer's synchronous path: {@code mailer.send(email)} for each quote, one after another on
 * one thread. Each call renders (or not, see below), resolves the sender (the company account, on
 * the salesperson's behalf), builds the message, sends it over QuoteMailer's reused connection and
 * records the attempt in the delivery log.
 */
final class QuoteMailerSendSender implements Sender {
  private final QuoteMailer mailer;
  private final BenchmarkMessage message;
  private final boolean preRendered;

  private QuoteMailerSendSender(QuoteMailer mailer, BenchmarkMessage message, boolean preRendered) {
    this.mailer = mailer;
    this.message = message;
    this.preRendered = preRendered;
  }

  /** Renders nothing: the renderer returns the PDF rendered once beforehand. */
  static QuoteMailerSendSender preRendered(
      LoopbackSmtp smtp, JdbcStores stores, BenchmarkMessage message) {
    return new QuoteMailerSendSender(
        smtp.mailer(stores, preRenderedRenderer(message)), message, true);
  }

  /** Renders every quote with {@code renderer}, as a host does. */
  static QuoteMailerSendSender rendering(
      LoopbackSmtp smtp,
      JdbcStores stores,
      BenchmarkMessage message,
      QuoteDocumentRenderer renderer) {
    return new QuoteMailerSendSender(smtp.mailer(stores, renderer), message, false);
  }

  /** A renderer that hands back the already rendered PDF of {@code message}. */
  static QuoteDocumentRenderer preRenderedRenderer(BenchmarkMessage message) {
    byte[] pdf = message.pdf();
    return quote -> pdf;
  }

  @Override
  public String label() {
    return preRendered ? "QuoteMailer send, pre-rendered" : "QuoteMailer send, rendering";
  }

  @Override
  public String description() {
    return preRendered
        ? "`mailer.send(email)` per quote, one thread; the mailer's renderer is a lambda returning"
            + " the PDF rendered beforehand, so this is QuoteMailer's sending work alone: resolve"
            + " the sender, build the message (text and HTML alternatives + PDF), send it over its"
            + " reused connection (`TransportSecurity.PLAIN`), record the attempt in the delivery"
            + " log (H2)."
        : "The same with `OpenPdfQuoteRenderer`: every call renders the quote first.";
  }

  @Override
  public Batch prepare(int count, String keyPrefix) {
    return () -> {
      for (int i = 0; i < count; i++) {
        DeliveryReceipt receipt = mailer.send(message.email(keyPrefix + i));
        if (receipt == null) {
          throw new IllegalStateException("send " + keyPrefix + i + " returned no receipt");
        }
      }
    };
  }

  @Override
  public void close() {
    mailer.close();
  }
}
