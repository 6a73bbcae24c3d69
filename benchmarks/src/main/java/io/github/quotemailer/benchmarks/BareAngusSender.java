package io.github.quotemailer.benchmarks;

/**
 * Plain Angus Mail: {@link BareJakartaMail} builds each message (text + PDF) and sends it over one
 * connection opened for the batch; with or without {@code TCP_NODELAY} on its socket.
 */
final class BareAngusSender implements Sender {
  private final BareJakartaMail mail;
  private final BenchmarkMessage message;
  private final boolean tcpNoDelay;

  BareAngusSender(LoopbackSmtp smtp, BenchmarkMessage message, boolean tcpNoDelay) {
    this.mail = smtp.bareJakartaMail(tcpNoDelay);
    this.message = message;
    this.tcpNoDelay = tcpNoDelay;
  }

  @Override
  public String label() {
    return tcpNoDelay ? "Angus Mail, TCP_NODELAY" : "Angus Mail, default socket";
  }

  @Override
  public String description() {
    return "Plain Jakarta Mail (Angus Mail "
        + RunConditions.libraryVersion("org.eclipse.angus", "angus-mail")
        + "): each message (text + PDF) built anew and sent with `sendMessage` over one"
        + " connection, connected at the start of the batch and closed at its end (both timed)"
        + (tcpNoDelay
            ? "; a socket factory sets `TCP_NODELAY`. **The reference.**"
            : "; Angus Mail's default socket (Nagle's algorithm on).");
  }

  @Override
  public Batch prepare(int count, String keyPrefix) {
    return () ->
        mail.sendAll(
            count,
            LoopbackSmtp.COMPANY,
            LoopbackSmtp.CUSTOMER,
            message.content().subject(),
            message.content().text(),
            message.pdf(),
            message.fileName());
  }
}
