package io.github.quotemailer.examples;

import io.github.quotemailer.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The runnable demo: {@code java -jar examples/target/quotemailer.jar <command>}. */
@Command(
    name = "quotemailer",
    mixinStandardHelpOptions = true,
    version = "QuoteMailer demo 0.1.0",
    description = "Send sales quotes from each salesperson's own mailbox, with a company fallback.",
    subcommands = {SendSampleCommand.class, RenderCommand.class, CommandLine.HelpCommand.class})
public final class QuoteMailerCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The configured command line: a library error becomes one clear line on standard error and exit
   * code 2 (bad input) or 1 (anything else), instead of a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new QuoteMailerCli());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return e instanceof InvalidInputException ? 2 : 1;
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
