package io.github.quotemailer.examples;

import io.github.quotemailer.DeliveryException;
import io.github.quotemailer.OutcomeUnknownException;
import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The runnable demo: {@code java -jar examples/target/quotemailer.jar <command>}. */
@Command(
    name = "quotemailer",
    mixinStandardHelpOptions = true,
    version = "QuoteMailer demo 0.1.0",
    description = "Send sales quotes from each salesperson's own mailbox, with a company fallback.",
    subcommands = {
      DemoCommand.class,
      SendSampleCommand.class,
      RenderCommand.class,
      UsersCommand.class,
      KeysCommand.class,
      SendCommand.class,
      OutboxCommands.Enqueue.class,
      OutboxCommands.Worker.class,
      OutboxCommands.Group.class,
      CommandLine.HelpCommand.class
    })
public final class QuoteMailerCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;
  private final Map<String, String> environment;

  /** A command line reading the process's standard input and environment. */
  public QuoteMailerCli() {
    this(System.in, System.getenv());
  }

  /** A command line with the given standard input and environment (for tests). */
  public QuoteMailerCli(InputStream stdin, Map<String, String> environment) {
    this.stdin = stdin;
    this.environment = Map.copyOf(environment);
  }

  /** Standard input, where passwords are read from. */
  InputStream stdin() {
    return stdin;
  }

  /** The environment secrets may come from. */
  Map<String, String> environment() {
    return environment;
  }

  /** The root command of {@code spec}'s command line. */
  static QuoteMailerCli root(CommandLine.Model.CommandSpec spec) {
    return (QuoteMailerCli) spec.root().userObject();
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The configured command line: an error becomes one clear line on standard error and the exit
   * code of its kind ({@link ExitCodes}), instead of a stack trace; a failed delivery adds the
   * reply class and the server's reply ({@code result=RECIPIENT_REJECTED reply="550 5.1.1 ..."}).
   */
  public static CommandLine commandLine() {
    return commandLine(new QuoteMailerCli());
  }

  /** The configured command line around {@code root}. */
  public static CommandLine commandLine(QuoteMailerCli root) {
    CommandLine cli = new CommandLine(root);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          // What the server said, in the form a script reads from a successful send.
          if (e instanceof DeliveryException failed && failed.reply() != null) {
            commandLine.getErr().println(ResultLine.of(failed.reply()));
          }
          if (e instanceof OutcomeUnknownException unknown) {
            commandLine
                .getErr()
                .println(
                    "the quote may have been delivered: look up Message-ID "
                        + unknown.messageId()
                        + " in the delivery log before sending it again");
          }
          return ExitCodes.of(e);
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
