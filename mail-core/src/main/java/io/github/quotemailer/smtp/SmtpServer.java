package io.github.quotemailer.smtp;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how to reach an SMTP server. Timeouts are always set: Jakarta Mail's own defaults are
 * infinite, and a stalled server would hang the sending thread forever.
 *
 * @param host server host name
 * @param port server port
 * @param security transport security; {@link TransportSecurity#PLAIN} only for loopback hosts
 * @param connectTimeout limit for opening the TCP connection
 * @param readTimeout limit for each read, including the TLS handshake
 * @param writeTimeout limit for each write
 * @param trustStore a PKCS12 trust store to verify the server's certificate, instead of the JDK's
 */
public record SmtpServer(
    String host,
    int port,
    TransportSecurity security,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Optional<TrustStore> trustStore) {

  /** 10 s: a reachable server accepts a TCP connection in well under a second. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** 30 s: long enough for a slow server's reply to DATA with a large attachment. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /** 30 s: long enough to upload a multi-megabyte PDF on a slow link. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

  /** Validates host, port and timeouts; PLAIN is refused for non-loopback hosts. */
  public SmtpServer {
    host = Arguments.text("smtp.host", host, 253);
    if (port < 1 || port > 65535) {
      throw new InvalidInputException("smtp.port", port + " is not a TCP port");
    }
    Arguments.present("smtp.security", security);
    connectTimeout = positive("smtp.connectTimeout", connectTimeout);
    readTimeout = positive("smtp.readTimeout", readTimeout);
    writeTimeout = positive("smtp.writeTimeout", writeTimeout);
    trustStore = trustStore == null ? Optional.empty() : trustStore;
    if (security == TransportSecurity.PLAIN && !isLoopback(host)) {
      throw new InvalidInputException(
          "smtp.security",
          "PLAIN (unencrypted) is only allowed for loopback test servers, not "
              + host
              + "; use IMPLICIT_TLS (465) or STARTTLS_REQUIRED (587)");
    }
  }

  /** A server with the default timeouts and the JDK's trusted certificates. */
  public static SmtpServer of(String host, int port, TransportSecurity security) {
    return builder(host, port, security).build();
  }

  /** Starts a builder for timeouts and trust store. */
  public static Builder builder(String host, int port, TransportSecurity security) {
    return new Builder(host, port, security);
  }

  /** A copy with {@code trustStore}. */
  public SmtpServer withTrustStore(TrustStore trustStore) {
    return new SmtpServer(
        host, port, security, connectTimeout, readTimeout, writeTimeout, Optional.of(trustStore));
  }

  @Override
  public String toString() {
    return host + ":" + port + " (" + security + ")";
  }

  private static Duration positive(String field, Duration value) {
    Arguments.present(field, value);
    if (value.isNegative() || value.isZero()) {
      throw new InvalidInputException(field, value + " must be positive");
    }
    return value;
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses are checked, so validation never waits on DNS.
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false;
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * A PKCS12 trust store file.
   *
   * @param path the file
   * @param password its password (not a mailbox secret; still never printed)
   */
  public record TrustStore(Path path, char[] password) {
    /** Validates that the path is given. */
    public TrustStore {
      Arguments.present("smtp.trustStore", path);
      password = password == null ? new char[0] : password.clone();
    }

    @Override
    public char[] password() {
      return password.clone();
    }

    @Override
    public String toString() {
      return "TrustStore[" + path + "]";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TrustStore t
          && t.path.equals(path)
          && java.util.Arrays.equals(t.password, password);
    }

    @Override
    public int hashCode() {
      return path.hashCode();
    }
  }

  /** Builds an {@link SmtpServer}; every default is one of the constants above. */
  public static final class Builder {
    private final String host;
    private final int port;
    private final TransportSecurity security;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private Optional<TrustStore> trustStore = Optional.empty();

    private Builder(String host, int port, TransportSecurity security) {
      this.host = host;
      this.port = port;
      this.security = security;
    }

    /** Sets the connect timeout. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** Sets the read timeout. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /** Sets the write timeout. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = timeout;
      return this;
    }

    /** Trusts the certificates in a PKCS12 file instead of the JDK's default ones. */
    public Builder trustStore(Path path, char[] password) {
      this.trustStore = Optional.of(new TrustStore(path, password));
      return this;
    }

    /** Validates and builds. */
    public SmtpServer build() {
      return new SmtpServer(
          host, port, security, connectTimeout, readTimeout, writeTimeout, trustStore);
    }
  }
}
