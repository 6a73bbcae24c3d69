package io.github.quotemailer.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the same number of messages with every {@link Sender} in turn, round after round, against
 * one loopback SMTP server: odd rounds in the given order, even rounds in reverse. Every batch
 * starts with empty mailboxes and must leave exactly its messages in GreenMail.
 */
final class WireRounds {
  private final LoopbackSmtp smtp;
  private final List<Sender> senders;

  /** Rounds of {@code senders}; the first is the reference the others are divided by. */
  WireRounds(LoopbackSmtp smtp, List<Sender> senders) {
    this.smtp = smtp;
    this.senders = List.copyOf(senders);
  }

  /** The senders, reference first. */
  List<Sender> senders() {
    return senders;
  }

  /**
   * The unmeasured round: {@code count} messages per sender. Returns the size of one message of
   * each sender as GreenMail stored it, by label.
   */
  Map<String, Long> warmUp(int count) throws Exception {
    Map<String, Long> messageBytes = new LinkedHashMap<>();
    for (Sender sender : senders) {
      sendBatch(sender, count, "warm-up-");
      messageBytes.put(sender.label(), smtp.firstReceivedBytes());
    }
    return messageBytes;
  }

  /** Round {@code number}: {@code count} messages per sender; messages per second by label. */
  Map<String, Double> round(int number, int count) throws Exception {
    List<Sender> order = new ArrayList<>(senders);
    if (number % 2 == 0) {
      Collections.reverse(order);
    }
    Map<String, Double> rates = new LinkedHashMap<>();
    for (Sender sender : order) {
      rates.put(sender.label(), count / sendBatch(sender, count, "round-" + number + "-"));
    }
    return rates;
  }

  /** Seconds {@code sender} took to send {@code count} messages, preparation not included. */
  private double sendBatch(Sender sender, int count, String keyPrefix) throws Exception {
    smtp.purge();
    Sender.Batch batch = sender.prepare(count, keyPrefix);
    long start = System.nanoTime();
    batch.send();
    double seconds = (System.nanoTime() - start) / 1e9;
    smtp.requireReceived(count);
    return seconds;
  }
}
