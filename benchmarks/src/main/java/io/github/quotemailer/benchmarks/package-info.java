/**
 * Benchmarks whose figures go to {@code docs/performance.md}. JMH: {@link
 * io.github.quotemailer.benchmarks.QuoteRenderBenchmark} against the bare OpenPDF baseline {@link
 * io.github.quotemailer.benchmarks.BareOpenPdfBenchmark}, run by {@link
 * io.github.quotemailer.benchmarks.RunAll}. A plain main: {@link
 * io.github.quotemailer.benchmarks.DeliveryBenchmark}, enqueue latency and end-to-end delivery
 * against plain Jakarta Mail; {@link io.github.quotemailer.benchmarks.WireSpeedBenchmark}, the same
 * quote sent by plain Angus Mail, Simple Java Mail and QuoteMailer in interleaved rounds against
 * one loopback SMTP server, rendering against bare OpenPDF, enqueue latency, and {@link
 * io.github.quotemailer.benchmarks.ClaimBenchmark}'s claim on 1,000 and 100,000 outbox rows. Not
 * null-marked: JMH fills the state fields in {@code @Setup}, after construction.
 */
package io.github.quotemailer.benchmarks;
