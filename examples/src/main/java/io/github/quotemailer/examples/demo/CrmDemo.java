package io.github.quotemailer.examples.demo;

import io.github.quotemailer.QuoteMailer;
import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.jdbc.JdbcStores;
import io.github.quotemailer.outbox.DeliveryWorker;
import io.github.quotemailer.pdf.OpenPdfQuoteRenderer;
import io.github.quotemailer.secret.KeyRing;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;

/**
 * The running browser demo: one H2 file database holding the CRM's tables and QuoteMailer's, an
 * embedded mail server, one {@link QuoteMailer} with its delivery worker, and the web server.
 *
 * <p>Start-up follows the order a host application would use: database and migrations, then the
 * mailer, then the worker, then the web server; {@link #close()} stops them in reverse. To answer
 * sooner, the web server and the mail server start on their own threads while the database
 * migrates, and the web server holds requests until the worker runs.
 */
public final class CrmDemo implements AutoCloseable {
  /** The company mailbox every fallback sends from. */
  public static final String COMPANY_ADDRESS = "ventas@inair.example";

  /** The password of every demo sign-in (the demo listens on loopback only). */
  public static final String DEMO_PASSWORD = "inair-demo";

  private final Path dataDirectory;
  private final JdbcConnectionPool pool;
  private final DemoMailServer mailServer;
  private final QuoteMailer mailer;
  private final DeliveryWorker worker;
  private final CrmService service;
  private final WebApp web;
  private final Map<String, String> mailboxPasswords;

  private CrmDemo(
      Path dataDirectory,
      JdbcConnectionPool pool,
      DemoMailServer mailServer,
      QuoteMailer mailer,
      DeliveryWorker worker,
      CrmService service,
      WebApp web,
      Map<String, String> mailboxPasswords) {
    this.dataDirectory = dataDirectory;
    this.pool = pool;
    this.mailServer = mailServer;
    this.mailer = mailer;
    this.worker = worker;
    this.service = service;
    this.web = web;
    this.mailboxPasswords = mailboxPasswords;
  }

  /**
   * Starts the demo on {@code 127.0.0.1:port} (0 picks a free port) with its data in {@code
   * dataDirectory}, seeding users, customers and deals on the first start.
   */
  public static CrmDemo start(Path dataDirectory, int port) {
    Path dir = dataDirectory.toAbsolutePath().normalize();
    JdbcConnectionPool pool = null;
    DemoMailServer mailServer = null;
    QuoteMailer mailer = null;
    DeliveryWorker worker = null;
    ExecutorService startup = Executors.newFixedThreadPool(2, daemon("demo-startup"));
    Future<DemoMailServer> mailStart = null;
    Future<WebApp> webStart = null;
    try {
      // The web server starts listening first and holds requests until the demo is ready.
      webStart = startup.submit(() -> WebApp.start(port));
      Files.createDirectories(dir);
      Map<String, String> mailboxes = mailboxPasswords(dir.resolve("mail-accounts.properties"));
      Path portsFile = dir.resolve("mail-ports.properties");
      int[] ports = mailPorts(portsFile);
      // The mail server (its certificate on the first start) and the database start side by side.
      mailStart = startup.submit(() -> DemoMailServer.start(dir, mailboxes, ports[0], ports[1]));

      pool =
          JdbcConnectionPool.create(
              "jdbc:h2:file:" + dir.resolve("crm") + ";MODE=Regular", "sa", "");
      pool.setMaxConnections(16);
      JdbcStores stores = JdbcStores.create(pool);
      stores.migrate();
      CrmStore crm = new CrmStore(Jdbi.create(pool));
      boolean empty = crm.createSchema();
      WebApp web = await(webStart); // a port already in use stops the start here, before seeding

      mailServer = await(mailStart);
      if (ports[0] == 0) {
        // Stored settings name these ports: keep them for the next start.
        writePrivate(
            portsFile,
            "implicit-tls="
                + mailServer.implicitTls().port()
                + "\nstarttls="
                + mailServer.startTls().port()
                + "\n");
      }

      CompanySender company =
          CompanySender.of(
              new SmtpAccount(
                  mailServer.implicitTls(),
                  COMPANY_ADDRESS,
                  Secret.of(mailboxes.get(COMPANY_ADDRESS))),
              EmailAddress.of(COMPANY_ADDRESS),
              "INAIR");
      OpenPdfQuoteRenderer renderer = OpenPdfQuoteRenderer.create(); // thread-safe: one for all
      mailer =
          QuoteMailer.builder()
              .stores(stores)
              .companySender(company)
              .keyRing(KeyRing.parse(keyRingSpec(dir.resolve("keyring.txt"))))
              .renderer(renderer)
              .build();
      CrmService service = new CrmService(crm, mailer, stores, renderer, mailServer);
      if (empty) {
        Seed.load(service, mailboxes);
      }
      worker = mailer.worker().threads(2).pollInterval(Duration.ofMillis(250)).build().start();
      service.attachWorker(worker);
      web.serve(service);
      return new CrmDemo(dir, pool, mailServer, mailer, worker, service, web, mailboxes);
    } catch (IOException e) {
      stopStarted(webStart);
      closeQuietly(worker, mailer, started(mailServer, mailStart), pool);
      throw new UncheckedIOException("Cannot start the demo in " + dir + ": " + e, e);
    } catch (RuntimeException e) {
      stopStarted(webStart);
      closeQuietly(worker, mailer, started(mailServer, mailStart), pool);
      throw e;
    } finally {
      startup.shutdown();
    }
  }

  private static <T> T await(Future<T> start) {
    try {
      return start.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the demo started", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException("The demo did not start: " + e.getCause(), e.getCause());
    }
  }

  private static void stopStarted(Future<WebApp> webStart) {
    if (webStart == null) {
      return;
    }
    try {
      webStart.get().stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      // it never started, or stops with the process
    }
  }

  /** The mail server to close after a failed start: the one started, or the one still starting. */
  private static DemoMailServer started(DemoMailServer server, Future<DemoMailServer> start) {
    if (server != null || start == null) {
      return server;
    }
    try {
      return start.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** The address of the web page, such as {@code http://127.0.0.1:8080/}. */
  public String url() {
    return "http://127.0.0.1:" + web.port() + "/";
  }

  /** The web server's port. */
  public int port() {
    return web.port();
  }

  /** The directory holding the database, keys and mail server certificate. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The CRM's operations (for the demo's own tests). */
  CrmService service() {
    return service;
  }

  /** The embedded mail server. */
  public DemoMailServer mailServer() {
    return mailServer;
  }

  /** The demo's sign-ins: user id, name and role, in the order the console prints them. */
  public List<String[]> logins() {
    return service.users().stream()
        .map(u -> new String[] {u.id(), u.name(), u.role().name()})
        .toList();
  }

  /**
   * The embedded mail server's mailbox passwords, by address: what each salesperson would get from
   * their mail provider, to be typed into the Users page (never shown by the web pages).
   */
  public Map<String, String> mailboxPasswords() {
    Map<String, String> copy = new LinkedHashMap<>(mailboxPasswords);
    copy.remove(COMPANY_ADDRESS);
    return copy;
  }

  /** Stops the web server, then the worker, the mailer, the mail server and the database. */
  @Override
  public void close() {
    web.stop();
    worker.shutdown(Duration.ofSeconds(10));
    closeQuietly(null, mailer, mailServer, pool);
  }

  private static void closeQuietly(
      DeliveryWorker worker, QuoteMailer mailer, DemoMailServer server, JdbcConnectionPool pool) {
    if (worker != null) {
      worker.shutdown(Duration.ofSeconds(5));
    }
    if (mailer != null) {
      mailer.close();
    }
    if (server != null) {
      server.close();
    }
    if (pool != null) {
      pool.dispose();
    }
  }

  /** The key ring's spec, generated on the first start and kept beside the database. */
  private static String keyRingSpec(Path file) throws IOException {
    if (!Files.exists(file)) {
      writePrivate(file, KeyRing.generateKeySpec("demo"));
    }
    return Files.readString(file, StandardCharsets.UTF_8).trim();
  }

  /** The mail server's ports from an earlier start, or zeros on the first. */
  private static int[] mailPorts(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new int[] {0, 0};
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    try {
      return new int[] {
        Integer.parseInt(properties.getProperty("implicit-tls", "0").trim()),
        Integer.parseInt(properties.getProperty("starttls", "0").trim())
      };
    } catch (NumberFormatException e) {
      throw new IOException(file + " is damaged: delete it to pick new ports", e);
    }
  }

  /** Random mailbox passwords for the embedded mail server, generated once per data directory. */
  private static Map<String, String> mailboxPasswords(Path file) throws IOException {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      }
    } else {
      SecureRandom random = new SecureRandom();
      properties.setProperty(COMPANY_ADDRESS, randomPassword(random));
      for (Seed.Person person : Seed.PEOPLE) {
        properties.setProperty(person.email(), randomPassword(random));
      }
      StringBuilder text = new StringBuilder();
      text.append("# Mailbox passwords of the demo's embedded mail server (demo only).\n");
      for (String name : properties.stringPropertyNames()) {
        text.append(name.replace("@", "\\@")).append('=');
        text.append(properties.getProperty(name)).append('\n');
      }
      writePrivate(file, text.toString());
    }
    Map<String, String> result = new LinkedHashMap<>();
    result.put(COMPANY_ADDRESS, properties.getProperty(COMPANY_ADDRESS));
    for (Seed.Person person : Seed.PEOPLE) {
      result.put(person.email(), properties.getProperty(person.email()));
    }
    return result;
  }

  private static String randomPassword(SecureRandom random) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Writes a file only its owner may read, where the file system supports POSIX permissions. */
  private static void writePrivate(Path file, String text) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      // written by an earlier start that stopped half-way: rewrite it
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
