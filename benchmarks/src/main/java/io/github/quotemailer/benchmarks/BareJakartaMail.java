package io.github.quotemailer.benchmarks;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * The delivery baseline: one already rendered PDF sent {@code count} times with plain Jakarta Mail,
 * over one SMTP connection opened once and reused for every message. Each message is built anew (a
 * plain-text body and the PDF attachment), as any sender has to. No outbox, no database, no
 * identity resolution, no timeouts, no log.
 *
 * <p>Optionally the socket gets {@code TCP_NODELAY}. Jakarta Mail leaves Nagle's algorithm on, so
 * the last small write of each message (the end of DATA) can wait for the server's delayed ACK; the
 * second baseline shows what that wait costs per message.
 */
final class BareJakartaMail {
  private final Session session;
  private final String host;
  private final int port;
  private final String username;
  private final String password;

  /**
   * A sender logging in to {@code host:port} (no TLS: a loopback test server) as {@code username},
   * with Jakarta Mail's defaults, or with {@code TCP_NODELAY} on its socket.
   */
  BareJakartaMail(String host, int port, String username, String password, boolean tcpNoDelay) {
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", host);
    properties.setProperty("mail.smtp.port", Integer.toString(port));
    properties.setProperty("mail.smtp.auth", "true");
    if (tcpNoDelay) {
      properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
    }
    this.session = Session.getInstance(properties);
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
  }

  /**
   * Connects once, sends {@code count} messages from {@code from} to {@code to} with {@code
   * subject}, {@code text} and the attachment {@code pdf} named {@code fileName}, then disconnects.
   */
  void sendAll(
      int count, String from, String to, String subject, String text, byte[] pdf, String fileName)
      throws MessagingException {
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(host, port, username, password);
      for (int i = 0; i < count; i++) {
        MimeMessage message = message(from, to, subject, text, pdf, fileName);
        transport.sendMessage(message, message.getAllRecipients());
      }
    }
  }

  private MimeMessage message(
      String from, String to, String subject, String text, byte[] pdf, String fileName)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    message.setSubject(subject, "UTF-8");
    MimeBodyPart body = new MimeBodyPart();
    body.setText(text, "UTF-8");
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
    attachment.setFileName(fileName);
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(body);
    mixed.addBodyPart(attachment);
    message.setContent(mixed);
    // sendMessage does not do this itself (Transport.send would): Message-ID, MIME headers.
    message.saveChanges();
    return message;
  }

  /** Plain sockets with Nagle's algorithm off. */
  private static final class NoDelaySocketFactory extends SocketFactory {
    @Override
    public Socket createSocket() throws IOException {
      return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
