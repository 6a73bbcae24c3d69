package io.github.quotemailer.examples;

import io.github.quotemailer.examples.demo.CrmDemo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the browser demo: a small CRM on an H2 file database, an embedded mail server with SMTPS
 * and STARTTLS, the delivery worker and the web server, until the process is stopped.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Start the browser demo: a small CRM whose deal moves send quotes.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Web server port on 127.0.0.1 (0 picks a free one; default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data",
      defaultValue = "quotemailer-demo",
      description =
          "Directory for the database, keys and certificate (default ./${DEFAULT-VALUE}).")
  Path data;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--port must be from 0 to 65535");
    }
    PrintWriter out = spec.commandLine().getOut();
    AtomicReference<CrmDemo> running = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    // Registered before the start: the web server answers before start() returns.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  CrmDemo started = running.get();
                  if (started != null) {
                    started.close();
                  }
                  stopped.countDown();
                },
                "demo-shutdown"));
    CrmDemo demo = CrmDemo.start(data, port);
    running.set(demo);
    out.printf("QuoteMailer CRM demo: %s%n", demo.url());
    out.printf("Data in %s (a restart keeps users, deals and the outbox)%n", demo.dataDirectory());
    out.printf("%nSign in as any of these users, password: %s%n", CrmDemo.DEMO_PASSWORD);
    for (String[] login : demo.logins()) {
      out.printf("  %-8s %-16s %s%n", login[0], login[1], login[2]);
    }
    out.printf(
        "%nMailboxes on the embedded mail server (SMTPS %s, STARTTLS %s),%n"
            + "to type into a user's \"Correo saliente\" form:%n",
        demo.mailServer().implicitTls().port(), demo.mailServer().startTls().port());
    for (Map.Entry<String, String> mailbox : demo.mailboxPasswords().entrySet()) {
      out.printf("  %-30s %s%n", mailbox.getKey(), mailbox.getValue());
    }
    out.printf("%nPress Ctrl+C to stop.%n");
    out.flush();
    stopped.await();
    return 0;
  }
}
