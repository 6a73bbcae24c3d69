package io.github.quotemailer.examples;

import io.github.quotemailer.QuoteEmail;
import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.delivery.DeliveryReceipt;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.json.QuoteJson;
import io.github.quotemailer.quote.Quote;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Renders a quote and sends it now, from the salesperson's own mailbox or the company's. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description =
        "Render and send a quote now; prints the identity used, why, the reply class and the"
            + " server's reply.")
final class SendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Option(names = "--quote", required = true, paramLabel = "FILE.json", description = "Quote file.")
  Path quoteFile;

  @Option(names = "--to", required = true, paramLabel = "ADDR", description = "Recipient.")
  String to;

  @Override
  public Integer call() {
    DemoConfig cfg = config.load(spec);
    Quote quote = QuoteJson.read(quoteFile);
    QuoteEmail email = QuoteEmail.of(quote, to);
    JdbcStores stores = cfg.stores();
    try (QuoteMailer mailer = cfg.mailer(stores)) {
      DeliveryReceipt receipt = mailer.send(email);
      spec.commandLine()
          .getOut()
          .printf(
              "identity=%s reason=%s messageId=%s %s%n",
              receipt.authenticatedAs(),
              receipt.reason(),
              receipt.messageId(),
              ResultLine.of(receipt.reply()));
      return 0;
    }
  }
}
