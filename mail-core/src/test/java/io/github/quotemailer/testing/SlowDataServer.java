package io.github.quotemailer.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * A plain loopback SMTP server that accepts any login and holds its reply to the end of DATA for
 * body number n (from 1) by {@code delayMillis(n)}: a server that keeps a message but answers too
 * late, as content filters on large attachments do.
 */
public final class SlowDataServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final IntUnaryOperator delayMillis;
  private final CountDownLatch closed = new CountDownLatch(1);

  /** Starts the server on 127.0.0.1 and an ephemeral port. */
  public SlowDataServer(IntUnaryOperator delayMillis) throws java.io.IOException {
    this.delayMillis = delayMillis;
    this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread acceptor = new Thread(this::accept, "slow-data-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port. */
  public int port() {
    return socket.getLocalPort();
  }

  /** Every body received, in order. */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  /** How many received bodies carry {@code messageId}. */
  public long copiesOf(String messageId) {
    return bodies.stream().filter(b -> b.contains("Message-ID: " + messageId)).count();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread t = new Thread(() -> serve(client), "slow-data-connection");
        t.setDaemon(true);
        t.start();
      } catch (java.io.IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = client.getOutputStream();
      send(out, "220 slow ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.split(" ")[0].toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO" -> send(out, "250-slow\r\n250 AUTH PLAIN LOGIN");
          case "AUTH" -> send(out, "235 2.7.0 ok");
          case "DATA" -> {
            send(out, "354 go");
            StringBuilder body = new StringBuilder();
            while ((line = in.readLine()) != null && !line.equals(".")) {
              body.append(line).append('\n');
            }
            bodies.add(body.toString());
            // Holding the reply is the point of this server; close() ends the wait early.
            closed.await(delayMillis.applyAsInt(bodies.size()), TimeUnit.MILLISECONDS);
            send(out, "250 2.0.0 queued");
          }
          case "QUIT" -> {
            send(out, "221 bye");
            return;
          }
          default -> send(out, "250 ok");
        }
      }
    } catch (java.io.IOException e) {
      // The client went away.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(OutputStream out, String reply) throws java.io.IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws java.io.IOException {
    closed.countDown();
    socket.close();
  }
}
