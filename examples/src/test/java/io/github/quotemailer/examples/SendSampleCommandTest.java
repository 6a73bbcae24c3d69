package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

class SendSampleCommandTest {
  @Test
  @Timeout(60)
  void printsOneDeliveryFromTheOwnMailboxAndOneFromTheCompany() {
    StringWriter out = new StringWriter();
    CommandLine cli = QuoteMailerCli.commandLine();
    cli.setOut(new PrintWriter(out, true));

    int exit = cli.execute("send-sample");

    String printed = out.toString();
    assertThat(exit).as(printed).isZero();
    assertThat(printed)
        .contains("Juan Pérez (with own SMTP account):")
        .contains("identity used : juan@inair.example")
        .contains("reason        : OWN_ACCOUNT")
        .contains("From          : Juan Pérez <juan@inair.example>")
        .contains("María López (without SMTP settings):")
        .contains("identity used : ventas@inair.example")
        .contains("reason        : NOT_CONFIGURED")
        .contains("From          : María López (via INAIR) <ventas@inair.example>")
        .contains("Reply-To      : maria@inair.example");
  }
}
