/**
 * Benchmarks whose figures go to {@code docs/performance.md}. JMH: {@link
 * io.github.quotemailer.benchmarks.QuoteRenderBenchmark} against the bare OpenPDF baseline {@link
 * io.github.quotemailer.benchmarks.BareOpenPdfBenchmark}, run by {@link
 * io.github.quotemailer.benchmarks.RunAll}. A plain main: {@link
 * io.github.quotemailer.benchmarks.DeliveryBenchmark}, enqueue latency and end-to-end delivery
 * against plain Jakarta Mail. Not null-marked: JMH fills the state fields in {@code @Setup}, after
 * construction.
 */
package io.github.quotemailer.benchmarks;
