package io.github.quotemailer.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories that turn Nagle's algorithm off ({@code TCP_NODELAY}) on every SMTP socket.
 *
 * <p>With Nagle on, the last small write of a message (the end of DATA) waits for the server's
 * delayed ACK, about 40 ms per message on loopback; SMTP is a request-reply protocol and gains
 * nothing from coalescing. Angus Mail leaves the option off and has no property for it, so the
 * session gets both factories:
 *
 * <ul>
 *   <li>{@link #plain()} as {@code mail.smtp.socketFactory}: Angus creates the unconnected socket
 *       with it for plain and STARTTLS connections;
 *   <li>{@link #layeredOver(SSLSocketFactory)} as {@code mail.smtp.ssl.socketFactory}: for implicit
 *       TLS Angus connects a plain socket itself and layers TLS over it with this factory, and
 *       STARTTLS layers over the plain socket the same way; the option is set on the socket
 *       underneath, where it takes effect. The TLS socket itself is the delegate's, so its
 *       certificate checks are untouched, and Angus still checks the host name on it.
 * </ul>
 */
final class NoDelaySockets {
  private NoDelaySockets() {}

  /** A factory of plain sockets with {@code TCP_NODELAY} on. */
  static SocketFactory plain() {
    return Plain.INSTANCE;
  }

  /** {@code delegate}'s TLS sockets, with {@code TCP_NODELAY} on the sockets they run over. */
  static SSLSocketFactory layeredOver(SSLSocketFactory delegate) {
    return new Layered(delegate);
  }

  static <S extends Socket> S noDelay(S socket) throws SocketException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  private static final class Plain extends SocketFactory {
    static final Plain INSTANCE = new Plain();

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
  }

  private static final class Layered extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    Layered(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
        throws IOException {
      return delegate.createSocket(noDelay(socket), host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose)
        throws IOException {
      return delegate.createSocket(noDelay(socket), consumed, autoClose);
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String toString() {
      return "TCP_NODELAY over " + delegate;
    }
  }
}
