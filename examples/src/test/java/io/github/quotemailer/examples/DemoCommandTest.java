package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code demo} ends the command with a message and starts nothing (a started demo
 * would keep the command running).
 */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void aPortOutsideTheRangeIsAUsageError() {
    for (String port : new String[] {"70000", "-1", "http"}) {
      CliRun run = CliRun.run("", "demo", "--port", port, "--data", dir.toString());
      assertThat(run.exit()).as(port).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(run.err()).as(port).contains("--port");
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aDataDirectoryThatIsAFileIsNamedInTheError() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    CliRun run = CliRun.run("", "demo", "--port", "0", "--data", file.toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("Cannot start the demo in " + file);
  }
}
