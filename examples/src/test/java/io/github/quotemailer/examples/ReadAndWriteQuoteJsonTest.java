package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.Salesperson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAndWriteQuoteJsonTest {
  @Test
  void handsAQuoteFileOverToAnotherSalesperson(@TempDir Path dir) throws Exception {
    Path file = SampleQuoteFile.copyInto(dir);
    Salesperson maria = Salesperson.of("maria", "María López", "maria@inair.example");
    Path copy = dir.resolve("maria.json");

    Quote original = ReadAndWriteQuoteJson.handOver(file, maria, copy);

    Quote handedOver = QuoteJson.read(copy);
    assertThat(handedOver.salesperson()).isEqualTo(maria);
    assertThat(handedOver.withSalesperson(original.salesperson())).isEqualTo(original);
    assertThat(Files.readString(copy))
        .contains("\"userId\": \"maria\"", "\"unitPrice\": \"289.90\"");
  }
}
