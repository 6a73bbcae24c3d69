package io.github.quotemailer.examples;

import io.github.quotemailer.jdbc.KeyRotationReport;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.secret.SecretCipher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Key management for stored secrets. */
@Command(
    name = "keys",
    description = "Manage the keys that encrypt stored passwords.",
    subcommands = {KeysCommand.Rotate.class})
final class KeysCommand {
  private KeysCommand() {}

  /** Re-encrypts every stored secret with the newest key of the ring; safe to re-run. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = "Re-encrypt every stored password with the newest key (resumable).")
  static final class Rotate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(
        names = "--batch-size",
        description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize = 100;

    @Override
    public Integer call() {
      DemoConfig cfg = config.load(spec);
      KeyRing ring = cfg.keyRing();
      KeyRotationReport report = cfg.stores().rotateKeys(SecretCipher.create(ring), batchSize);
      spec.commandLine()
          .getOut()
          .printf(
              "newest key=%s rotated=%d already-current=%d%n",
              ring.newestKeyId(), report.rotated(), report.alreadyCurrent());
      return 0;
    }
  }
}
