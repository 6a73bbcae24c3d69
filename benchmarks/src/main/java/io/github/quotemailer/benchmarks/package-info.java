/**
 * JMH benchmarks for the quote PDF: {@link io.github.quotemailer.benchmarks.QuoteRenderBenchmark}
 * against the bare OpenPDF baseline {@link io.github.quotemailer.benchmarks.BareOpenPdfBenchmark},
 * run by {@link io.github.quotemailer.benchmarks.RunAll}; figures go to {@code
 * docs/performance.md}. Not null-marked: JMH fills the state fields in {@code @Setup}, after
 * construction.
 */
package io.github.quotemailer.benchmarks;
