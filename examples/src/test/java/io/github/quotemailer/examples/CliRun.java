package io.github.quotemailer.examples;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * One run of the command line in this JVM, as a user would type it, with what it printed.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exit, String out, String err) {
  /** Runs {@code args} with {@code stdin} as standard input and no environment variables. */
  static CliRun run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        QuoteMailerCli.commandLine(
            new QuoteMailerCli(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
