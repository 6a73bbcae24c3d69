package io.github.quotemailer.secret;

import io.github.quotemailer.QuoteMailerException;

/** A stored secret was encrypted with a key that is no longer in the key ring. */
public class UnknownKeyException extends QuoteMailerException {
  private static final long serialVersionUID = 1L;

  private final String keyId;

  /** Creates the exception naming the missing key id. */
  public UnknownKeyException(String keyId, java.util.List<String> ringIds) {
    super(
        "secret was encrypted with key '"
            + keyId
            + "', which is not in the key ring "
            + ringIds
            + "; add that key back (oldest first) or set the password again");
    this.keyId = keyId;
  }

  /** The id of the missing key. */
  public String keyId() {
    return keyId;
  }
}
