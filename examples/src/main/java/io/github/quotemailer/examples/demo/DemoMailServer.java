package io.github.quotemailer.examples.demo;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser demo's embedded mail server: GreenMail holds the mailboxes (login = address) and two
 * loopback ports put TLS in front of it, one with implicit TLS (SMTPS) and one that requires
 * STARTTLS, so the demo sends the way a real mail provider is reached: TLS with host-name
 * verification on, and no password ever in clear text.
 *
 * <p>GreenMail itself listens with plain SMTP on 127.0.0.1 only; both TLS ports relay to it. The
 * implicit-TLS port is ours too rather than GreenMail's SMTPS: GreenMail loads its SMTPS key store
 * once per JVM from system properties, so a second server with another data directory would keep
 * presenting the first one's certificate.
 *
 * <p>The certificate is self-signed, made at the first start into the data directory and reused
 * after, and {@link #start} makes this JVM trust it (see {@link #trustDemoCertificate}).
 */
public final class DemoMailServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

  /** The PKCS12 key store with the demo's TLS key and certificate, in the data directory. */
  static final String KEY_STORE_FILE = "demo-mail-tls.p12";

  /**
   * Demo-only password of {@link #KEY_STORE_FILE}. It protects nothing: the key serves loopback
   * ports only, it is trusted by this JVM only, and whoever can read the data directory can read
   * the demo's mailboxes anyway.
   */
  static final String KEY_STORE_PASSWORD = "quotemailer-demo-only";

  private static final String KEY_ALIAS = "demo-mail";
  private static final String LOOPBACK = "127.0.0.1";
  private static final String SERVER_NAME = "localhost";

  /** 10 years: a demo data directory should never meet an expired certificate. */
  private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(3650);

  /** 30 s, GreenMail's own idle limit: bounds the clear-text dialogue and the TLS handshake. */
  private static final int CLIENT_TIMEOUT_MILLIS = 30_000;

  /** 64: each connection holds two threads and each port one, so about 30 clients at a time. */
  private static final int MAX_THREADS = 64;

  /** RFC 5321's limit for a command line, CRLF included. */
  private static final int MAX_COMMAND_LINE = 512;

  private final GreenMail greenMail =
      new GreenMail(new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort());
  private final ExecutorService threads = boundedDaemonPool();
  private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final SSLSocketFactory serverTls;
  // Set once by open(), before start() hands the server out.
  private int greenMailPort;
  private ServerSocket implicitTlsPort;
  private ServerSocket startTlsPort;

  private DemoMailServer(SSLSocketFactory serverTls) {
    this.serverTls = serverTls;
  }

  /**
   * Starts the server with a mailbox for every address (login = the address), generating the TLS
   * certificate into {@code dataDirectory} on the first start and reusing it after.
   */
  public static DemoMailServer start(Path dataDirectory, Map<String, String> passwordsByAddress) {
    return start(dataDirectory, passwordsByAddress, 0, 0);
  }

  /**
   * As {@link #start(Path, Map)}, on the given loopback ports (0 for any free one), so that
   * settings stored with a port still reach the server after a restart.
   */
  public static DemoMailServer start(
      Path dataDirectory,
      Map<String, String> passwordsByAddress,
      int implicitTlsPort,
      int startTlsPort) {
    Path keyStoreFile = dataDirectory.resolve(KEY_STORE_FILE);
    KeyStore keyStore = loadOrCreateKeyStore(keyStoreFile);
    trustDemoCertificate(certificateIn(keyStore));
    DemoMailServer server = new DemoMailServer(serverTlsFactory(keyStore));
    try {
      server.open(implicitTlsPort, startTlsPort);
      passwordsByAddress.forEach(server::setPassword);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    log.info(
        "Demo mail server: implicit TLS on {}, STARTTLS on {}, certificate {}",
        server.implicitTls(),
        server.startTls(),
        keyStoreFile);
    return server;
  }

  private void open(int implicitTlsPortNumber, int startTlsPortNumber) {
    greenMail.start();
    greenMailPort = greenMail.getSmtp().getPort();
    lockUnknownRecipients(greenMail.getUserManager());
    implicitTlsPort = listenOnLoopback(true, implicitTlsPortNumber);
    startTlsPort = listenOnLoopback(false, startTlsPortNumber);
  }

  private ServerSocket listenOnLoopback(boolean implicitTls, int portNumber) {
    try {
      ServerSocket port = new ServerSocket(portNumber, 50, InetAddress.getByName(LOOPBACK));
      threads.execute(() -> acceptLoop(port, implicitTls));
      return port;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open loopback port "
              + (portNumber == 0 ? "(any)" : String.valueOf(portNumber))
              + " for the demo mail server: "
              + e.getMessage(),
          e);
    }
  }

  /** The implicit-TLS (SMTPS) port, as the library reaches it. */
  public SmtpServer implicitTls() {
    return SmtpServer.of(LOOPBACK, implicitTlsPort.getLocalPort(), TransportSecurity.IMPLICIT_TLS);
  }

  /** The port that requires STARTTLS before anything else, as the library reaches it. */
  public SmtpServer startTls() {
    return SmtpServer.of(
        LOOPBACK, startTlsPort.getLocalPort(), TransportSecurity.STARTTLS_REQUIRED);
  }

  /** Creates the mailbox of {@code address} (login = the address) or changes its password. */
  public void setPassword(String address, String password) {
    Objects.requireNonNull(password, "password");
    if (Objects.requireNonNull(address, "address").isBlank()) {
      throw new IllegalArgumentException("A mailbox needs an address");
    }
    greenMail.setUser(address, address, password);
  }

  /** Every message delivered to any mailbox, newest first, once each even with many recipients. */
  public List<ReceivedMail> received() {
    List<MimeMessage> stored = new ArrayList<>(List.of(greenMail.getReceivedMessages()));
    // Within a mailbox later means newer; the stable sort keeps that order for equal dates.
    Collections.reverse(stored);
    stored.sort(Comparator.comparing(DemoMailServer::receivedAt).reversed());
    Map<String, ReceivedMail> byId = new LinkedHashMap<>();
    for (MimeMessage message : stored) {
      readable(message).ifPresent(mail -> byId.putIfAbsent(mail.id(), mail));
    }
    return List.copyOf(byId.values());
  }

  /** The message with this {@link ReceivedMail#id()}, if it was delivered. */
  public Optional<ReceivedMail> find(String id) {
    return received().stream().filter(mail -> mail.id().equals(id)).findFirst();
  }

  /** Stops both TLS ports, ends every open connection and stops GreenMail. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (implicitTlsPort != null) {
      closeQuietly(implicitTlsPort);
    }
    if (startTlsPort != null) {
      closeQuietly(startTlsPort);
    }
    // Plain sockets only: closing an SSLSocket can block on a peer that does not read.
    openSockets.forEach(this::close);
    threads.shutdownNow();
    greenMail.stop();
  }

  /**
   * A message as a mail client shows it, headers decoded. Equal when all parts are, the PDF's
   * content included.
   *
   * @param id stable, URL-safe identifier (a digest of the Message-ID)
   * @param from the From header
   * @param replyTo the Reply-To header, null when absent
   * @param sender the Sender header, null when absent
   * @param to the To addresses
   * @param subject the subject, null when absent
   * @param date the Date header, or when GreenMail received the message if it has none
   * @param messageId the Message-ID header, null when absent
   * @param pdfFileName file name of the first PDF attachment, null when absent
   * @param pdf content of the first PDF attachment, null when there is none
   */
  public record ReceivedMail(
      String id,
      String from,
      String replyTo,
      String sender,
      List<String> to,
      String subject,
      Instant date,
      String messageId,
      String pdfFileName,
      byte[] pdf) {
    /** Copies the recipient list. */
    public ReceivedMail {
      to = List.copyOf(to);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ReceivedMail that
          && id.equals(that.id)
          && Objects.equals(from, that.from)
          && Objects.equals(replyTo, that.replyTo)
          && Objects.equals(sender, that.sender)
          && to.equals(that.to)
          && Objects.equals(subject, that.subject)
          && date.equals(that.date)
          && Objects.equals(messageId, that.messageId)
          && Objects.equals(pdfFileName, that.pdfFileName)
          && Arrays.equals(pdf, that.pdf);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, from, subject, date, messageId) * 31 + Arrays.hashCode(pdf);
    }

    /** The headers and the PDF's size, not its bytes. */
    @Override
    public String toString() {
      return "ReceivedMail[id=%s, from=%s, replyTo=%s, sender=%s, to=%s, subject=%s, date=%s,"
              .formatted(id, from, replyTo, sender, to, subject, date)
          + " messageId=%s, pdfFileName=%s, pdf=%s]"
              .formatted(messageId, pdfFileName, pdf == null ? "none" : pdf.length + " bytes");
    }
  }

  // ---- Connections ----

  private void acceptLoop(ServerSocket port, boolean implicitTls) {
    while (!closed.get()) {
      Socket client;
      try {
        client = port.accept();
      } catch (IOException e) {
        if (!closed.get()) {
          log.warn("Demo mail server could not accept a connection: {}", e.toString());
        }
        continue;
      }
      openSockets.add(client);
      try {
        threads.execute(() -> serve(client, implicitTls));
      } catch (RejectedExecutionException e) {
        close(client); // too many clients at once, or closing
      }
    }
  }

  private void serve(Socket client, boolean implicitTls) {
    Socket greenMailSide = null;
    try {
      client.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
      client.setTcpNoDelay(true);
      if (!implicitTls && !awaitStartTls(client.getInputStream(), client.getOutputStream())) {
        return;
      }
      SSLSocket tls = upgrade(client);
      // After STARTTLS the client greets again and expects no second 220 banner.
      greenMailSide = connectToGreenMail(!implicitTls);
      client.setSoTimeout(0); // GreenMail now enforces its own idle limit
      relay(tls, client, greenMailSide);
    } catch (IOException | RuntimeException e) {
      log.debug("Demo mail connection ended: {}", e.toString());
    } finally {
      close(client);
      close(greenMailSide);
    }
  }

  /**
   * Speaks the clear-text part of the STARTTLS port: true once the client asked for TLS, false when
   * it quit or hung up. Nothing but EHLO, HELO, NOOP, STARTTLS and QUIT is accepted, so no password
   * can be sent in clear text.
   */
  private static boolean awaitStartTls(InputStream in, OutputStream out) throws IOException {
    reply(out, "220 " + SERVER_NAME + " ESMTP QuoteMailer demo mail server, STARTTLS required");
    while (true) {
      String line = readLine(in);
      if (line == null) {
        return false;
      }
      if (line.length() >= MAX_COMMAND_LINE) {
        reply(out, "500 5.5.6 Line too long");
        return false;
      }
      switch (verbOf(line)) {
        case "EHLO" -> reply(out, "250-" + SERVER_NAME, "250-STARTTLS", "250 ENHANCEDSTATUSCODES");
        case "HELO" -> reply(out, "250 " + SERVER_NAME);
        case "NOOP" -> reply(out, "250 2.0.0 OK");
        case "STARTTLS" -> {
          reply(out, "220 2.0.0 Ready to start TLS");
          return true;
        }
        case "QUIT" -> {
          reply(out, "221 2.0.0 Bye");
          return false;
        }
        default -> reply(out, "530 5.7.0 Must issue a STARTTLS command first");
      }
    }
  }

  private SSLSocket upgrade(Socket client) throws IOException {
    SSLSocket tls =
        (SSLSocket)
            serverTls.createSocket(
                client, client.getInetAddress().getHostAddress(), client.getPort(), true);
    tls.setUseClientMode(false);
    tls.startHandshake();
    return tls;
  }

  private Socket connectToGreenMail(boolean discardGreeting) throws IOException {
    Socket socket = new Socket();
    openSockets.add(socket);
    socket.connect(new InetSocketAddress(LOOPBACK, greenMailPort), CLIENT_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    if (discardGreeting) {
      socket.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
      skipGreeting(socket.getInputStream());
      socket.setSoTimeout(0);
    }
    return socket;
  }

  private static void skipGreeting(InputStream in) throws IOException {
    String line;
    do {
      line = readLine(in);
      if (line == null || !line.startsWith("220")) {
        throw new IOException("GreenMail greeted with " + line + " instead of 220");
      }
    } while (line.startsWith("220-"));
  }

  /** Copies bytes both ways until either side ends, then the caller closes both. */
  private void relay(SSLSocket tls, Socket client, Socket greenMailSide) throws IOException {
    InputStream fromGreenMail = greenMailSide.getInputStream();
    OutputStream toClient = tls.getOutputStream();
    threads.execute(
        () -> {
          try {
            fromGreenMail.transferTo(toClient);
          } catch (IOException e) {
            log.debug("Demo mail relay ended: {}", e.toString());
          } finally {
            close(client);
            close(greenMailSide);
          }
        });
    tls.getInputStream().transferTo(greenMailSide.getOutputStream());
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    // Byte by byte: after STARTTLS the next bytes are the TLS handshake, which must stay unread.
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() >= MAX_COMMAND_LINE) {
        break;
      }
      line.write(b);
    }
    if (b < 0 && line.size() == 0) {
      return null;
    }
    return line.toString(StandardCharsets.US_ASCII).stripTrailing();
  }

  private static String verbOf(String line) {
    int space = line.indexOf(' ');
    return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
  }

  private static void reply(OutputStream out, String... lines) throws IOException {
    out.write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private void close(Socket socket) {
    if (socket != null) {
      openSockets.remove(socket);
      closeQuietly(socket);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("Ignoring failure to close {}: {}", closeable, e.toString());
    }
  }

  private static ExecutorService boundedDaemonPool() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory daemons =
        task -> {
          Thread thread = new Thread(task, "demo-mail-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return new ThreadPoolExecutor(
        0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemons);
  }

  /**
   * GreenMail creates a mailbox for an unknown recipient with the address as its password; give it
   * a random one instead, so nobody can log in as a customer and send from the demo.
   */
  private static void lockUnknownRecipients(UserManager users) {
    SecureRandom random = new SecureRandom();
    users.setMessageDeliveryHandler(
        (message, address) -> {
          GreenMailUser user = users.getUserByEmail(address.getEmail());
          if (user != null) {
            return user;
          }
          byte[] password = new byte[24];
          random.nextBytes(password);
          return users.createUser(
              address.getEmail(),
              address.getEmail(),
              Base64.getUrlEncoder().encodeToString(password));
        });
  }

  // ---- Received messages ----

  private static Instant receivedAt(MimeMessage message) {
    try {
      Date received = message.getReceivedDate();
      return received == null ? Instant.EPOCH : received.toInstant();
    } catch (MessagingException e) {
      return Instant.EPOCH;
    }
  }

  private static Optional<ReceivedMail> readable(MimeMessage message) {
    try {
      Optional<Part> pdf = firstPdf(message);
      Date sent = message.getSentDate();
      return Optional.of(
          new ReceivedMail(
              idOf(message),
              header(message, "From"),
              header(message, "Reply-To"),
              header(message, "Sender"),
              addresses(message, "To"),
              header(message, "Subject"),
              sent == null ? receivedAt(message) : sent.toInstant(),
              message.getMessageID(),
              pdf.isEmpty() ? null : decoded(pdf.get().getFileName()),
              pdf.isEmpty() ? null : pdf.get().getInputStream().readAllBytes()));
    } catch (MessagingException | IOException e) {
      log.warn("Demo mail server skips a message it cannot read: {}", e.toString());
      return Optional.empty();
    }
  }

  private static String idOf(MimeMessage message) throws MessagingException, IOException {
    String messageId = message.getMessageID();
    byte[] identity;
    if (messageId != null) {
      identity = messageId.getBytes(StandardCharsets.UTF_8);
    } else {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      message.writeTo(raw);
      identity = raw.toByteArray();
    }
    byte[] digest = sha256(identity);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
  }

  private static String header(MimeMessage message, String name)
      throws MessagingException, IOException {
    return decoded(message.getHeader(name, ", "));
  }

  private static String decoded(String text) throws IOException {
    return text == null ? null : MimeUtility.decodeText(MimeUtility.unfold(text));
  }

  private static List<String> addresses(MimeMessage message, String name)
      throws MessagingException, IOException {
    String header = message.getHeader(name, ", ");
    if (header == null) {
      return List.of();
    }
    try {
      List<String> addresses = new ArrayList<>();
      for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
        addresses.add(address.toUnicodeString());
      }
      return addresses;
    } catch (AddressException e) {
      return List.of(decoded(header)); // show what was sent, even if it does not parse
    }
  }

  private static Optional<Part> firstPdf(Part part) throws MessagingException, IOException {
    if (part.isMimeType("application/pdf")) {
      return Optional.of(part);
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        Optional<Part> pdf = firstPdf(multipart.getBodyPart(i));
        if (pdf.isPresent()) {
          return pdf;
        }
      }
    }
    return Optional.empty();
  }

  // ---- Certificate and trust ----

  private static KeyStore loadOrCreateKeyStore(Path file) {
    try {
      if (Files.exists(file)) {
        return KeyStore.getInstance(file.toFile(), KEY_STORE_PASSWORD.toCharArray());
      }
      KeyStore keyStore = newSelfSignedKeyStore();
      Files.createDirectories(file.toAbsolutePath().getParent());
      // Written beside the target and moved, so a crash never leaves half a key store behind.
      Path partial =
          Files.createTempFile(file.toAbsolutePath().getParent(), KEY_STORE_FILE, ".tmp");
      try (OutputStream out = Files.newOutputStream(partial)) {
        keyStore.store(out, KEY_STORE_PASSWORD.toCharArray());
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      return keyStore;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot read or create the demo mail server's TLS key store "
              + file
              + "; delete it to have a new one generated at the next start",
          e);
    }
  }

  /** An EC P-256 key (fast to generate) and a self-signed certificate for localhost/127.0.0.1. */
  private static KeyStore newSelfSignedKeyStore() throws GeneralSecurityException, IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keyPair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=" + SERVER_NAME);
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofDays(1))), // tolerates a clock slightly behind
            Date.from(now.plus(CERTIFICATE_VALIDITY)),
            name,
            keyPair.getPublic());
    builder
        .addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.iPAddress, LOOPBACK),
                  new GeneralName(GeneralName.dNSName, SERVER_NAME)
                }))
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
        .addExtension(
            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    X509Certificate certificate;
    try {
      certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot sign the demo certificate", e);
    }
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setKeyEntry(
        KEY_ALIAS,
        keyPair.getPrivate(),
        KEY_STORE_PASSWORD.toCharArray(),
        new Certificate[] {certificate});
    return keyStore;
  }

  private static X509Certificate certificateIn(KeyStore keyStore) {
    try {
      if (keyStore.getCertificate(KEY_ALIAS) instanceof X509Certificate certificate) {
        return certificate;
      }
      throw new IllegalStateException(
          "The demo mail server's key store has no certificate named " + KEY_ALIAS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLSocketFactory serverTlsFactory(KeyStore keyStore) {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, KEY_STORE_PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS for the demo mail server", e);
    }
  }

  /**
   * Makes this JVM's default {@link SSLContext} trust the JDK's default trust anchors plus the demo
   * certificate, so the library, which verifies servers without a trust store of their own against
   * {@code SSLSocketFactory.getDefault()}, accepts the demo server with host-name checks on. A host
   * whose mail server has a certificate from a private CA does the same by starting the JVM with
   * {@code -Djavax.net.ssl.trustStore} naming a store that holds that CA. Only the most recently
   * started server's certificate is trusted.
   */
  static void trustDemoCertificate(X509Certificate demoCertificate) {
    try {
      TrustManagerFactory jdkDefaults =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jdkDefaults.init((KeyStore) null);
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      int count = 0;
      for (TrustManager manager : jdkDefaults.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate anchor : x509.getAcceptedIssuers()) {
            anchors.setCertificateEntry("jdk-" + count++, anchor);
          }
        }
      }
      anchors.setCertificateEntry(KEY_ALIAS, demoCertificate);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      SSLContext.setDefault(context);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot make this JVM trust the demo certificate", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
