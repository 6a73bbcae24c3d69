package io.github.quotemailer.examples;

import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's "Quote JSON" snippet (the region between the tag comments), kept here so the build
 * proves it compiles and {@code ReadAndWriteQuoteJsonTest} runs it: a host that keeps quotes as
 * JSON files hands one over to another salesperson.
 */
public final class ReadAndWriteQuoteJson {
  private ReadAndWriteQuoteJson() {}

  /** Reads the quote in {@code file} and writes it, owned by {@code maria}, to {@code copy}. */
  public static Quote handOver(Path file, Salesperson maria, Path copy) throws IOException {
    // tag::quote-json[]
    Quote quote = QuoteJson.read(file); // errors name the field, e.g. items[2].unitPrice
    Files.writeString(copy, QuoteJson.write(quote.withSalesperson(maria)));
    // end::quote-json[]
    return quote;
  }
}
