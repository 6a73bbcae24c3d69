package io.github.quotemailer.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The runnable demo: {@code java -jar examples/target/quotemailer.jar <command>}. */
@Command(
    name = "quotemailer",
    mixinStandardHelpOptions = true,
    version = "QuoteMailer demo 0.1.0",
    description = "Send sales quotes from each salesperson's own mailbox, with a company fallback.",
    subcommands = {SendSampleCommand.class, CommandLine.HelpCommand.class})
public final class QuoteMailerCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return new CommandLine(new QuoteMailerCli()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
