package io.github.quotemailer.examples.demo;

/** The stages of a deal, one column each on the board. */
public enum Stage {
  /** A new lead. */
  NEW,
  /** Qualified: the customer wants a quote. */
  QUALIFIED,
  /** The quote is being prepared. */
  QUOTING,
  /** "Cotización Enviada": entering this stage queues the quote email. */
  QUOTE_SENT,
  /** Negotiating after the quote. */
  NEGOTIATION,
  /** Won. */
  WON,
  /** Lost. */
  LOST;

  /** The message key of the stage's name. */
  public String key() {
    return "stage." + name();
  }
}
