package io.github.quotemailer.examples;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the commands that work on a database. */
final class ConfigOption {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "Java properties file (keys in the README).")
  Path file;

  /** Loads the file, with secrets from the environment the command line was given. */
  DemoConfig load(CommandSpec spec) {
    return DemoConfig.load(file, QuoteMailerCli.root(spec).environment());
  }
}
