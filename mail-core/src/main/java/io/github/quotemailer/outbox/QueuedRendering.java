package io.github.quotemailer.outbox;

/**
 * When {@code QuoteMailer.enqueue} has the quote's PDF rendered; set with {@code
 * QuoteMailer.Builder.queuedRendering}.
 */
public enum QueuedRendering {
  /**
   * The default: the outbox stores the quote (a few KB) and the worker renders it when it sends, as
   * of the time it was enqueued, so the caller never waits for the PDF and every attempt attaches
   * the same bytes. The document's size is checked when it is sent: one over the limit is a dead
   * letter.
   */
  WHEN_SENT,

  /**
   * The PDF is rendered on the caller's thread and stored in the outbox: the click waits for it,
   * and rows are as large as the PDF, but a renderer failure or a document over the size limit
   * fails the call itself.
   */
  WHEN_ENQUEUED
}
