package io.github.quotemailer.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material for tests, loaded from the PKCS12 files under {@code /tls/} on the test classpath.
 * All stores and keys use the password {@code changeit}.
 */
public final class TestTls {

  /** Password of the trust store (and of every test key store and key). */
  public static final String TRUST_STORE_PASSWORD = "changeit";

  /** Key store of the trusted test server: alias {@code server}, CN=localhost, SAN 127.0.0.1. */
  public static final String SERVER_KEY_STORE = "/tls/server.p12";

  /** Self-signed key store (alias {@code rogue}) that the trust store does NOT trust. */
  public static final String UNTRUSTED_KEY_STORE = "/tls/untrusted.p12";

  /** Trust store that trusts the certificate of {@link #SERVER_KEY_STORE} only. */
  public static final String TRUST_STORE = "/tls/truststore.p12";

  private static Path trustStoreFile; // guarded by TestTls.class

  private TestTls() {}

  /** Returns a server-side context whose key manager uses the given PKCS12 classpath resource. */
  public static SSLContext serverContext(String keystoreResource) {
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(load(keystoreResource), TRUST_STORE_PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build server SSLContext from " + keystoreResource, e);
    }
  }

  /** Returns a client-side context that trusts only the certificates in the test trust store. */
  public static SSLContext clientContext() {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(load(TRUST_STORE));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build client SSLContext", e);
    }
  }

  /** Copies the trust store to a temporary file (once per JVM) and returns its path. */
  public static synchronized Path trustStorePath() {
    if (trustStoreFile == null) {
      try (InputStream in = open(TRUST_STORE)) {
        Path file = Files.createTempFile("quotemailer-truststore-", ".p12");
        file.toFile().deleteOnExit();
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        trustStoreFile = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return trustStoreFile;
  }

  private static KeyStore load(String resource) throws GeneralSecurityException {
    try (InputStream in = open(resource)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, TRUST_STORE_PASSWORD.toCharArray());
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read key store " + resource, e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = TestTls.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("No such classpath resource: " + resource);
    }
    return in;
  }
}
