/**
 * Benchmarks whose figures go to {@code docs/performance.md}. JMH: {@link
 * io.github.quotemailer.benchmarks.QuoteRenderBenchmark} against the bare OpenPDF baseline {@link
 * io.github.quotemailer.benchmarks.BareOpenPdfBenchmark}, run by {@link
 * io.github.quotemailer.benchmarks.RunAll}. A plain main: {@link
 * io.github.quotemailer.benchmarks.DeliveryBenchmark}, enqueue latency and end-to-end delivery
 * against plain Jakarta Mail; {@link io.github.quotemailer.benchmarks.ClaimBenchmark}, the worker's
 * claim on 1,000 and 100,000 outbox rows. Not null-marked: JMH fills the state fields in
 * {@code @Setup}, after construction.
 */
package io.github.quotemailer.benchmarks;
