package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code send} against a scripted company server, which shows what the command said to it. */
@Timeout(60)
class SendCommandTest {
  @RegisterExtension final Closer closer = new Closer();

  @TempDir Path dir;

  private ScriptedSmtpServer start(UnaryOperator<ScriptedSmtpServer.Builder> script) {
    return closer.track(script.apply(ScriptedSmtpServer.builder()).start());
  }

  private CliRun send(ScriptedSmtpServer server, String... extraLines) throws IOException {
    String config =
        String.join(
            "\n",
            "quotemailer.db.url=jdbc:h2:file:"
                + dir.resolve("crm").toAbsolutePath()
                + ";DB_CLOSE_DELAY=0",
            "quotemailer.secret.keys=" + KeyRing.generateKeySpec("k1"),
            "quotemailer.smtp.host=127.0.0.1",
            "quotemailer.smtp.port=" + server.port(),
            "quotemailer.smtp.security=PLAIN",
            "quotemailer.company.name=INAIR",
            "quotemailer.company.address=ventas@inair.example",
            "quotemailer.company.password=company-cli-password-3",
            String.join("\n", extraLines),
            "");
    Path file = Files.writeString(dir.resolve("quotemailer.properties"), config);
    return CliRun.run(
        "",
        "send",
        "--config",
        file.toString(),
        "--quote",
        SampleQuoteFile.copyInto(dir).toString(),
        "--to",
        "compras@hsjn.example");
  }

  @Test
  void theConfiguredHeloNameIsWhatTheServerHearsInEhlo() throws IOException {
    ScriptedSmtpServer server = start(s -> s);

    CliRun send = send(server, "quotemailer.smtp.helo-name=crm.inair.example");

    assertThat(send.exit()).as(send.err()).isZero();
    assertThat(server.commands())
        .filteredOn(c -> c.startsWith("EHLO"))
        .containsExactly("EHLO crm.inair.example");
  }

  @Test
  void aSentQuotePrintsItsReplyClassAndTheServersReply() throws IOException {
    ScriptedSmtpServer server = start(s -> s.always("DATA", "250 2.0.0 Ok: queued as 4XyZ1"));

    CliRun send = send(server);

    assertThat(send.exit()).as(send.err()).isZero();
    assertThat(send.out())
        .matches(
            "identity=ventas@inair\\.example reason=NOT_CONFIGURED messageId=<.+>"
                + " result=ACCEPTED reply=\"250 2\\.0\\.0 Ok: queued as 4XyZ1\"\\R");
  }

  @Test
  void aRefusedQuotePrintsItsReplyClassAndTheServersReplyOnStandardError() throws IOException {
    String refusal = "550 5.1.1 <compras@hsjn.example>: Recipient address rejected: User unknown";
    ScriptedSmtpServer server = start(s -> s.rejectRecipient("compras@hsjn.example", refusal));

    CliRun send = send(server);

    assertThat(send.exit()).isEqualTo(ExitCodes.DELIVERY_FAILED);
    assertThat(send.out()).isEmpty();
    assertThat(send.err().lines())
        .first()
        .asString()
        .startsWith("error: quote COT-2025-0142 not sent: a recipient was rejected");
    assertThat(send.err().lines()).contains("result=RECIPIENT_REJECTED reply=\"" + refusal + "\"");
  }

  @Test
  void aCompanyServerRefusingTheSessionSaysSo() throws IOException {
    String refusal = "554 5.7.1 <unknown[127.0.0.1]>: Client host rejected: Access denied";
    ScriptedSmtpServer server = start(s -> s.always("RCPT", refusal));

    CliRun send = send(server);

    assertThat(send.exit()).isEqualTo(ExitCodes.DELIVERY_FAILED);
    assertThat(send.err().lines()).contains("result=SESSION_REJECTED reply=\"" + refusal + "\"");
  }
}
