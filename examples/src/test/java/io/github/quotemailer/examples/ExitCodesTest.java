package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.ConfigurationException;
import io.github.quotemailer.DeliveryException;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.OutcomeUnknownException;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.StorageException;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Each kind of failure exits with its own documented code, so a script can act on it. */
@Timeout(120)
class ExitCodesTest {
  private static final SmtpReply NO_ANSWER =
      new SmtpReply(SmtpReplyClass.UNREACHABLE, 0, Optional.empty(), "connection reset");

  @TempDir Path dir;

  private int closedPort;

  @BeforeEach
  void findAPortNobodyListensOn() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
  }

  @Test
  void badInputExitsTwo() {
    CliRun render =
        CliRun.run(
            "",
            "render",
            "--quote",
            dir.resolve("missing.json").toString(),
            "--out",
            dir.resolve("q.pdf").toString());

    assertThat(render.exit()).isEqualTo(ExitCodes.BAD_INPUT).isEqualTo(2);
    assertThat(render.err()).startsWith("error: quote: ").contains("missing.json does not exist");
  }

  @Test
  void aMissingOptionIsBadInputToo() {
    CliRun send = CliRun.run("", "send", "--to", "compras@hsjn.example");

    assertThat(send.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(send.err()).contains("--config");
  }

  /** Command, the line of a good file to replace, its bad replacement, the key, the problem. */
  static Stream<Arguments> badConfigurationValues() {
    String port = "quotemailer.smtp.port";
    String name = "quotemailer.company.name";
    return Stream.of(
        Arguments.of("send", port + "=25", port + "=abc", port, "'abc' is not a whole number"),
        Arguments.of("send", port + "=25", port + "=70000", port, "70000 is not a TCP port"),
        Arguments.of("send", name + "=INAIR", "", name, "is required in the config file"),
        Arguments.of(
            "send",
            "quotemailer.db.url=jdbc:h2:",
            "quotemailer.db.url=h2:",
            "quotemailer.db.url",
            "must start with 'jdbc:'"),
        Arguments.of(
            "send",
            "",
            "quotemailer.fallback.require-verified=yes",
            "quotemailer.fallback.require-verified",
            "'yes' is not true or false"),
        Arguments.of(
            "send", "", "quotemailer.fallback=QUOTA=MAYBE", "quotemailer.fallback", "'MAYBE'"),
        Arguments.of(
            "send",
            "",
            "quotemailer.smtp.helo-name=crm inair",
            "quotemailer.smtp.helo-name",
            "'crm inair' is neither a host name nor an address literal"),
        Arguments.of(
            "send",
            "",
            "quotemailer.limit.smtp.gmail.com=lots",
            "quotemailer.limit.smtp.gmail.com",
            "'lots' is not COUNT/WINDOW"),
        Arguments.of(
            "send",
            "",
            "quotemailer.company.limit=0/1h",
            "quotemailer.company.limit",
            "0 is outside 1-1000000"),
        Arguments.of(
            "send", "", "quotemailer.limit.=5/1h", "quotemailer.limit.", "names no SMTP host"),
        Arguments.of(
            "send",
            "",
            "quotemailer.smtp.trust-store=/nonexistent/trust.p12",
            "quotemailer.smtp.trust-store",
            "cannot read /nonexistent/trust.p12"),
        Arguments.of(
            "worker",
            "",
            "quotemailer.outbox.lease-seconds=0",
            "quotemailer.outbox.lease-seconds",
            "must be positive"),
        Arguments.of(
            "worker",
            "",
            "quotemailer.retry.jitter=lots",
            "quotemailer.retry.jitter",
            "'lots' is not a number"),
        Arguments.of(
            "worker",
            "",
            "quotemailer.retry.max-attempts=0",
            "quotemailer.retry.max-attempts",
            "must be at least 1"));
  }

  @ParameterizedTest(name = "{0} with \"{2}\" instead of \"{1}\"")
  @MethodSource("badConfigurationValues")
  void aBadValueInTheConfigurationFileExitsThreeNamingTheKey(
      String command, String goodLine, String badLine, String key, String problem)
      throws IOException {
    String good = configText(25);
    String bad = goodLine.isEmpty() ? good + badLine + "\n" : good.replace(goodLine, badLine);
    Path config = Files.writeString(dir.resolve("bad.properties"), bad);

    CliRun run = runWith(command, config);

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.CONFIGURATION).isEqualTo(3);
    assertThat(run.err()).startsWith("error: " + key + ": ").contains(problem);
  }

  @Test
  void anUnreadableConfigurationFileExitsThree() {
    CliRun run = runWith("send", dir.resolve("missing.properties"));

    assertThat(run.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(run.err()).startsWith("error: --config: cannot read");
  }

  @Test
  void aServerNobodyListensOnIsADeliveryFailureExitingFour() throws IOException {
    Path config = Files.writeString(dir.resolve("closed.properties"), configText(closedPort));

    CliRun send = runWith("send", config);

    assertThat(send.exit()).as(send.err()).isEqualTo(ExitCodes.DELIVERY_FAILED).isEqualTo(4);
    assertThat(send.err()).startsWith("error: quote COT-2025-0142 not sent:");
  }

  @Test
  void aDatabaseThatCannotBeReachedIsAStorageFailureExitingSix() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("nodb.properties"),
            configText(25).replace(dbUrl(), "jdbc:nosuchdatabase://127.0.0.1/crm"));

    CliRun status = CliRun.run("", "outbox", "status", "--config", config.toString());

    assertThat(status.exit()).as(status.err()).isEqualTo(ExitCodes.STORAGE).isEqualTo(6);
  }

  @Test
  void anUnknownOutcomeExitsFiveAndNamesTheMessageIdToLookUp() {
    StringWriter err = new StringWriter();
    CommandLine cli =
        QuoteMailerCli.commandLine(
            new QuoteMailerCli(new ByteArrayInputStream(new byte[0]), Map.of()));
    cli.addSubcommand("lost", new LostConnectionAfterData());
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("lost");

    assertThat(exit).isEqualTo(ExitCodes.OUTCOME_UNKNOWN).isEqualTo(5);
    assertThat(err.toString())
        .contains("error: connection lost after DATA")
        .contains("look up Message-ID <qm.1@inair.example> in the delivery log");
  }

  @Test
  void eachLibraryErrorMapsToItsCodeSubclassesFirst() {
    assertThat(ExitCodes.of(new ConfigurationException("threads", "is outside 1-64")))
        .isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(ExitCodes.of(new InvalidInputException("customer.name", "is required")))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(ExitCodes.of(outcomeUnknown())).isEqualTo(ExitCodes.OUTCOME_UNKNOWN);
    assertThat(ExitCodes.of(new DeliveryException("not sent", NO_ANSWER, null)))
        .isEqualTo(ExitCodes.DELIVERY_FAILED);
    assertThat(ExitCodes.of(new StorageException("database is read-only")))
        .isEqualTo(ExitCodes.STORAGE)
        .isEqualTo(6);
    assertThat(ExitCodes.of(new QuoteMailerException("renderer returned no PDF")))
        .isEqualTo(ExitCodes.FAILURE);
    assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void everyCodeIsDistinct() {
    List<Integer> codes =
        List.of(
            ExitCodes.OK,
            ExitCodes.FAILURE,
            ExitCodes.BAD_INPUT,
            ExitCodes.CONFIGURATION,
            ExitCodes.DELIVERY_FAILED,
            ExitCodes.OUTCOME_UNKNOWN,
            ExitCodes.STORAGE);

    assertThat(codes).doesNotHaveDuplicates().containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  private CliRun runWith(String command, Path config) {
    if (command.equals("worker")) {
      return CliRun.run("", "worker", "--config", config.toString(), "--until-idle");
    }
    try {
      return CliRun.run(
          "",
          "send",
          "--config",
          config.toString(),
          "--quote",
          SampleQuoteFile.copyInto(dir).toString(),
          "--to",
          "compras@hsjn.example");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String dbUrl() {
    return "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
  }

  private String configText(int smtpPort) {
    return String.join(
        "\n",
        "quotemailer.db.url=" + dbUrl(),
        "quotemailer.secret.keys=" + KeyRing.generateKeySpec("k1"),
        "quotemailer.smtp.host=127.0.0.1",
        "quotemailer.smtp.port=" + smtpPort,
        "quotemailer.smtp.security=PLAIN",
        "quotemailer.company.name=INAIR",
        "quotemailer.company.address=ventas@inair.example",
        "quotemailer.company.password=unused-company-password",
        "");
  }

  private static OutcomeUnknownException outcomeUnknown() {
    return new OutcomeUnknownException(
        "connection lost after DATA", "<qm.1@inair.example>", NO_ANSWER, null);
  }

  /** A command whose send lost its connection after the message was handed over. */
  @Command(name = "lost")
  static final class LostConnectionAfterData implements Runnable {
    @Override
    public void run() {
      throw outcomeUnknown();
    }
  }
}
