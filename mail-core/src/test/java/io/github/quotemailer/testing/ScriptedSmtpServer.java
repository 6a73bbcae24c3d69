package io.github.quotemailer.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small scripted SMTP server for tests: plain, STARTTLS or implicit TLS on 127.0.0.1, with chosen
 * replies and stalls, recording commands, credentials and messages.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

  /** How the server protects the connection. */
  public enum Security {
    /** Plain text only. */
    NONE,
    /** Plain text, upgraded by the STARTTLS command. */
    STARTTLS,
    /** TLS from the first byte (SMTPS). */
    IMPLICIT_TLS
  }

  /** A decoded AUTH attempt. */
  public record Credentials(String username, String password) {}

  /** An accepted message: envelope, and the data with CRLF line ends, without dot-stuffing. */
  public record Envelope(String mailFrom, List<String> rcptTo, byte[] data) {

    /** Copies the recipients. */
    public Envelope {
      rcptTo = List.copyOf(rcptTo);
    }

    /** Returns the message data decoded as UTF-8. */
    public String text() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  private static final String HOST = "127.0.0.1";
  private static final String OK = "250 2.0.0 OK";
  private static final String BAD_SEQUENCE = "503 5.5.1 Bad sequence of commands";
  private static final String UNKNOWN = "502 5.5.2 Command not recognized";

  private final Security security;
  private final boolean advertiseStartTls;
  private final Credentials expected;
  private final String xoauth2Challenge;
  private final long maxSize;
  private final Map<String, String> always;
  private final Map<String, Queue<String>> once = new HashMap<>();
  private final Map<String, String> rejectedRecipients;
  private final Set<String> stalls;
  private final boolean holdAfterData;
  private final SSLContext sslContext;
  private final ServerSocket serverSocket;

  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<Credentials> authAttempts = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Envelope> messages = new ArrayList<>(); // guarded by lock
  private final List<Throwable> errors = new ArrayList<>(); // guarded by lock
  private final Set<Socket> sockets = new HashSet<>(); // guarded by itself
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private volatile boolean closed;

  private ScriptedSmtpServer(Builder b) throws IOException {
    security = b.security;
    advertiseStartTls = b.advertiseStartTls;
    expected = b.credentials;
    xoauth2Challenge = b.xoauth2Challenge;
    maxSize = b.maxSize;
    always = Map.copyOf(b.always);
    b.once.forEach((verb, replies) -> once.put(verb, new ConcurrentLinkedQueue<>(replies)));
    rejectedRecipients = Map.copyOf(b.rejectedRecipients);
    stalls = Set.copyOf(b.stalls);
    holdAfterData = b.holdAfterData;
    sslContext = security == Security.NONE ? null : TestTls.serverContext(b.keyStore);
    // Implicit TLS, too, accepts plain sockets and layers TLS on them in the connection thread,
    // so close() only ever closes plain sockets: SSLSocket.close() can block on a live peer.
    serverSocket = new ServerSocket(0, 50, InetAddress.getByName(HOST));
  }

  /** Returns a builder for a plain server with the default replies. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the host the server listens on: always "127.0.0.1". */
  public String host() {
    return HOST;
  }

  /** Returns the ephemeral port the server listens on. */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Returns every command line received, in order across connections, AUTH payloads masked. */
  public List<String> commands() {
    return List.copyOf(commands);
  }

  /** Returns whether any connection sent a command with this verb (case-insensitive). */
  public boolean sawCommand(String verb) {
    String wanted = verb.toUpperCase(Locale.ROOT);
    return commands.stream().anyMatch(line -> verbOf(line).equals(wanted));
  }

  /** Returns every decoded AUTH attempt, successful or not. */
  public List<Credentials> authAttempts() {
    return List.copyOf(authAttempts);
  }

  /** Returns the messages accepted so far. */
  public List<Envelope> messages() {
    return await(messages, 0, Duration.ZERO);
  }

  /** Returns the number of accepted TCP connections. */
  public int connections() {
    return connections.get();
  }

  /** Returns the exceptions that ended connections (hang-ups, TLS handshake failures...). */
  public List<Throwable> connectionErrors() {
    return await(errors, 0, Duration.ZERO);
  }

  /** Waits until at least {@code n} messages were accepted or the timeout passed; returns all. */
  public List<Envelope> awaitMessages(int n, Duration timeout) {
    return await(messages, n, timeout);
  }

  /** Waits until at least {@code n} connection errors were recorded or the timeout passed. */
  public List<Throwable> awaitConnectionErrors(int n, Duration timeout) {
    return await(errors, n, timeout);
  }

  /** Stops accepting, closes every connection and briefly waits for the server threads. */
  @Override
  public void close() {
    synchronized (sockets) {
      if (closed) {
        return;
      }
      closed = true;
      sockets.forEach(ScriptedSmtpServer::closeQuietly);
    }
    closeQuietly(serverSocket);
    closedLatch.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    try {
      for (Thread thread : threads) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void startThread(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (closed || serverSocket.isClosed()) {
          return;
        }
        append(errors, e);
        continue;
      }
      synchronized (sockets) {
        if (closed) {
          closeQuietly(socket);
          return;
        }
        sockets.add(socket);
      }
      int number = connections.incrementAndGet();
      startThread(() -> serve(socket), "scripted-smtp-" + port() + "-" + number);
    }
  }

  private void serve(Socket socket) {
    try {
      new Connection(socket).run();
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        append(errors, e);
      }
    } finally {
      synchronized (sockets) {
        sockets.remove(socket);
      }
      closeQuietly(socket);
    }
  }

  private String scripted(String verb, String fallback) {
    Queue<String> queue = once.get(verb);
    String reply = queue == null ? null : queue.poll();
    return reply != null ? reply : always.getOrDefault(verb, fallback);
  }

  private <T> void append(List<T> guarded, T item) {
    lock.lock();
    try {
      guarded.add(item);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private <T> List<T> await(List<T> guarded, int n, Duration timeout) {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (guarded.size() < n && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      return List.copyOf(guarded);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.copyOf(guarded);
    } finally {
      lock.unlock();
    }
  }

  private static String verbOf(String line) {
    int space = line.indexOf(' ');
    return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
  }

  private static String addressOf(String line) {
    int colon = line.indexOf(':');
    String rest = colon < 0 ? "" : line.substring(colon + 1).trim();
    if (rest.startsWith("<")) {
      int end = rest.indexOf('>');
      return end < 0 ? rest.substring(1) : rest.substring(1, end);
    }
    int space = rest.indexOf(' ');
    return space < 0 ? rest : rest.substring(0, space);
  }

  private static String decode(String base64) {
    return base64.equals("=")
        ? ""
        : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** One SMTP session, run on its own thread. */
  private final class Connection {
    private final List<String> rcptTo = new ArrayList<>();
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean tls;
    private String mailFrom;

    Connection(Socket socket) throws IOException {
      attach(socket);
    }

    private void attach(Socket s) throws IOException {
      socket = s;
      in = new BufferedInputStream(s.getInputStream());
      out = new BufferedOutputStream(s.getOutputStream());
    }

    void run() throws IOException {
      if (security == Security.IMPLICIT_TLS) {
        upgrade();
      }
      if (stalls.contains("CONNECT")) {
        stall();
        return;
      }
      reply(scripted("CONNECT", "220 " + HOST + " ESMTP scripted"));
      byte[] raw;
      while ((raw = readLine()) != null) {
        String line = new String(raw, StandardCharsets.UTF_8);
        String verb = verbOf(line);
        String[] words = line.split(" ");
        commands.add(
            verb.equals("AUTH") && words.length > 1
                ? "AUTH " + words[1].toUpperCase(Locale.ROOT) + (words.length > 2 ? " ***" : "")
                : line);
        if (stalls.contains(verb)) {
          stall();
          return;
        }
        switch (verb) {
          case "EHLO" -> hello(scripted("EHLO", ehlo()));
          case "HELO" -> hello(scripted("HELO", "250 " + HOST));
          case "STARTTLS" -> startTls();
          case "AUTH" -> auth(words);
          case "MAIL" -> mail(line);
          case "RCPT" -> rcpt(line);
          case "DATA" -> data();
          case "RSET" -> hello(scripted("RSET", OK));
          case "NOOP" -> reply(scripted("NOOP", OK));
          case "QUIT" -> {
            reply(scripted("QUIT", "221 2.0.0 Bye"));
            return;
          }
          default -> reply(scripted(verb, UNKNOWN));
        }
      }
    }

    private boolean offersStartTls() {
      return security == Security.STARTTLS && advertiseStartTls && !tls;
    }

    private String ehlo() {
      return "250-"
          + HOST
          + (offersStartTls() ? "\n250-STARTTLS" : "")
          + (security != Security.STARTTLS || tls ? "\n250-AUTH PLAIN LOGIN XOAUTH2" : "")
          + "\n250-8BITMIME\n250 SIZE "
          + maxSize;
    }

    private void hello(String reply) throws IOException {
      resetTransaction();
      reply(reply);
    }

    private void startTls() throws IOException {
      String reply =
          scripted("STARTTLS", offersStartTls() ? "220 2.0.0 Ready to start TLS" : UNKNOWN);
      reply(reply);
      if (reply.startsWith("220") && sslContext != null && !tls) {
        upgrade();
      }
    }

    /** Layers server-mode TLS over the current socket, completes the handshake, starts afresh. */
    private void upgrade() throws IOException {
      String peer = socket.getInetAddress().getHostAddress();
      SSLSocket ssl =
          (SSLSocket)
              sslContext.getSocketFactory().createSocket(socket, peer, socket.getPort(), true);
      ssl.setUseClientMode(false);
      ssl.startHandshake();
      attach(ssl);
      tls = true;
      resetTransaction();
    }

    private void auth(String[] words) throws IOException {
      String mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
      String initial = words.length > 2 ? words[2] : null;
      Credentials attempt;
      try {
        if (mechanism.equals("PLAIN")) {
          String response = initial != null ? initial : challenge("334 ");
          String[] fields = decode(response).split("\0", -1);
          if (fields.length != 3) {
            reply("501 5.5.2 Malformed AUTH PLAIN response");
            return;
          }
          attempt = new Credentials(fields[1], fields[2]);
        } else if (mechanism.equals("LOGIN")) {
          String user = decode(initial != null ? initial : challenge("334 VXNlcm5hbWU6"));
          attempt = new Credentials(user, decode(challenge("334 UGFzc3dvcmQ6")));
        } else if (mechanism.equals("XOAUTH2")) {
          attempt = xoauth2(decode(initial != null ? initial : challenge("334 ")));
          if (xoauth2Challenge != null && (expected == null || !expected.equals(attempt))) {
            authAttempts.add(attempt);
            challenge("334 " + xoauth2Challenge); // the client answers with an empty line
            reply("535-5.7.8 Username and Password not accepted.\r\n535 5.7.8 Learn more");
            return;
          }
        } else {
          reply("504 5.5.4 Unrecognized authentication type");
          return;
        }
      } catch (IllegalArgumentException e) { // also a "*" that cancels the exchange
        reply("501 5.5.2 Cannot decode AUTH response");
        return;
      }
      authAttempts.add(attempt);
      boolean valid = expected == null || expected.equals(attempt);
      reply(
          scripted(
              "AUTH",
              valid
                  ? "235 2.7.0 Authentication successful"
                  : "535 5.7.8 Authentication credentials invalid"));
    }

    /** The user and the bearer token of an XOAUTH2 response: the token stands as the password. */
    private Credentials xoauth2(String sasl) {
      String user = "";
      String token = "";
      for (String part : sasl.split("\u0001")) {
        if (part.startsWith("user=")) {
          user = part.substring(5);
        } else if (part.startsWith("auth=Bearer ")) {
          token = part.substring(12);
        }
      }
      return new Credentials(user, token);
    }

    /** Sends a 334 prompt and returns the client's base64 answer. */
    private String challenge(String prompt) throws IOException {
      reply(prompt);
      byte[] raw = readLine();
      if (raw == null) {
        throw new EOFException("Client closed the connection during AUTH");
      }
      return new String(raw, StandardCharsets.US_ASCII).trim();
    }

    private void mail(String line) throws IOException {
      String reply = scripted("MAIL", "250 2.1.0 OK");
      if (reply.startsWith("2")) {
        mailFrom = addressOf(line);
        rcptTo.clear();
      }
      reply(reply);
    }

    private void rcpt(String line) throws IOException {
      String address = addressOf(line);
      String reply = rejectedRecipients.get(address.toLowerCase(Locale.ROOT));
      if (reply == null) {
        reply = scripted("RCPT", mailFrom == null ? BAD_SEQUENCE : "250 2.1.5 OK");
      }
      if (reply.startsWith("2")) {
        rcptTo.add(address);
      }
      reply(reply);
    }

    private void data() throws IOException {
      if (mailFrom == null || rcptTo.isEmpty()) {
        reply(BAD_SEQUENCE);
        return;
      }
      reply("354 Start mail input; end with <CRLF>.<CRLF>");
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] raw;
      while ((raw = readLine()) != null && !(raw.length == 1 && raw[0] == '.')) {
        int skip = raw.length > 0 && raw[0] == '.' ? 1 : 0;
        body.write(raw, skip, raw.length - skip);
        body.write('\r');
        body.write('\n');
      }
      if (raw == null) {
        throw new EOFException("Client closed the connection during DATA");
      }
      if (holdAfterData) {
        // The server has the whole message and never says so: the client cannot know its fate.
        stall();
        return;
      }
      String reply =
          scripted(
              "DATA",
              body.size() > maxSize
                  ? "552 5.3.4 Message size exceeds fixed maximum message size"
                  : "250 2.0.0 OK queued");
      if (reply.startsWith("2")) {
        append(messages, new Envelope(mailFrom, rcptTo, body.toByteArray()));
      }
      resetTransaction();
      reply(reply);
    }

    private void resetTransaction() {
      mailFrom = null;
      rcptTo.clear();
    }

    /** Reads and discards input, never answering, and keeps the socket until close(). */
    private void stall() {
      try {
        while (in.read() != -1) {
          // swallow whatever the client sends
        }
        closedLatch.await();
      } catch (IOException e) {
        // the stalled client gave up or the server closed: expected
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Reads one line ending in LF, without the LF and any CR before it; null at end of stream. */
    private byte[] readLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1; b = in.read()) {
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int n = bytes.length;
          return n > 0 && bytes[n - 1] == '\r' ? Arrays.copyOf(bytes, n - 1) : bytes;
        }
        line.write(b);
      }
      return null;
    }

    private void reply(String reply) throws IOException {
      for (String line : reply.split("\n")) {
        out.write((line.replace("\r", "") + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
    }
  }

  /** Configures and starts a {@link ScriptedSmtpServer}. */
  public static final class Builder {
    private final Map<String, String> always = new HashMap<>();
    private final Map<String, List<String>> once = new HashMap<>();
    private final Map<String, String> rejectedRecipients = new HashMap<>();
    private final Set<String> stalls = new HashSet<>();
    private boolean holdAfterData;
    private Security security = Security.NONE;
    private String keyStore = TestTls.SERVER_KEY_STORE;
    private boolean advertiseStartTls = true;
    private Credentials credentials;
    private String xoauth2Challenge;
    private long maxSize = 10_485_760L;

    private Builder() {}

    /** Sets the connection security (default {@link Security#NONE}). */
    public Builder security(Security security) {
      this.security = security;
      return this;
    }

    /** Sets the PKCS12 classpath resource holding the server key (default "/tls/server.p12"). */
    public Builder keyStore(String keystoreResource) {
      this.keyStore = keystoreResource;
      return this;
    }

    /** In STARTTLS mode, whether EHLO offers STARTTLS: false models a downgraded server. */
    public Builder advertiseStartTls(boolean advertise) {
      this.advertiseStartTls = advertise;
      return this;
    }

    /** Accepts only these credentials (without this call, any credentials are accepted). */
    public Builder credentials(String username, String password) {
      this.credentials = new Credentials(username, password);
      return this;
    }

    /**
     * Answers an XOAUTH2 token that does not match {@link #credentials} the way Google does: a
     * {@code 334} carrying {@code json} in base64, then, after the client's empty line, {@code 535
     * 5.7.8}. Without this call a wrong token gets {@code 535} at once.
     */
    public Builder xoauth2Challenge(String json) {
      this.xoauth2Challenge =
          java.util.Base64.getEncoder()
              .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return this;
    }

    /** Sets the SIZE advertised in EHLO and enforced on the DATA body (default 10485760). */
    public Builder maxSize(long bytes) {
      this.maxSize = bytes;
      return this;
    }

    /**
     * Answers every {@code verb} with {@code reply} (lines separated by "\n"). CONNECT is the
     * greeting, AUTH the verdict after the credentials, DATA the reply after the message body.
     */
    public Builder always(String verb, String reply) {
      always.put(verb.toUpperCase(Locale.ROOT), reply);
      return this;
    }

    /** Answers the next {@code verb} with {@code reply}, once; one-shot replies queue up FIFO. */
    public Builder once(String verb, String reply) {
      once.computeIfAbsent(verb.toUpperCase(Locale.ROOT), v -> new ArrayList<>()).add(reply);
      return this;
    }

    /** Answers every RCPT for this address (case-insensitive) with {@code reply}. */
    public Builder rejectRecipient(String address, String reply) {
      rejectedRecipients.put(address.toLowerCase(Locale.ROOT), reply);
      return this;
    }

    /**
     * Never answers {@code verb} nor anything after it, keeping the socket open until close().
     * "CONNECT" stalls before the greeting (in IMPLICIT_TLS mode: after the TLS handshake).
     */
    public Builder stallOn(String verb) {
      stalls.add(verb.toUpperCase(Locale.ROOT));
      return this;
    }

    /**
     * Reads each message body to its end and then never answers, keeping the socket open until
     * close(): a lost reply after DATA, when the server may have the message.
     */
    public Builder holdReplyAfterData() {
      this.holdAfterData = true;
      return this;
    }

    /** Binds 127.0.0.1 on an ephemeral port and starts accepting connections. */
    public ScriptedSmtpServer start() {
      try {
        ScriptedSmtpServer server = new ScriptedSmtpServer(this);
        server.startThread(server::acceptLoop, "scripted-smtp-accept-" + server.port());
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the scripted SMTP server", e);
      }
    }
  }
}
