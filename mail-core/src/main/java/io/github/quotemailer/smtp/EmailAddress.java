package io.github.quotemailer.smtp;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;

/**
 * A validated mailbox address ({@code local@domain}). International domain names are converted to
 * their ASCII form; a non-ASCII local part is rejected, because most servers do not announce
 * SMTPUTF8 and the address would be corrupted on the wire.
 *
 * @param value the address in ASCII form, e.g. {@code juan@inair.example}
 */
public record EmailAddress(String value) {
  /** RFC 5321 limit on a path, so a longer address can never be delivered. */
  public static final int MAX_LENGTH = 254;

  /** Validates and normalises; throws {@link InvalidInputException} naming "address". */
  public EmailAddress {
    value = normalise("address", value);
  }

  /** Parses {@code address}, naming {@code field} in the error when it is not valid. */
  public static EmailAddress of(String field, String address) {
    return new EmailAddress(normalise(field, address));
  }

  /** Parses {@code address}. */
  public static EmailAddress of(String address) {
    return of("address", address);
  }

  /** The domain part, lower case ASCII. */
  public String domain() {
    return value.substring(value.lastIndexOf('@') + 1);
  }

  private static String normalise(String field, String raw) {
    String address = Arguments.text(field, raw, MAX_LENGTH);
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      throw new InvalidInputException(field, "'" + address + "' is not an email address");
    }
    String local = address.substring(0, at);
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c <= ' ' || c >= 127) {
        throw new InvalidInputException(
            field, "'" + address + "' has a space or non-ASCII character before the @");
      }
    }
    String domain;
    try {
      domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "'" + address + "' has an invalid domain");
    }
    checkEncodedLabels(field, address, domain);
    if (!domain.contains(".") && !domain.equals("localhost")) {
      throw new InvalidInputException(field, "'" + address + "' has no top-level domain");
    }
    String ascii = local + "@" + domain.toLowerCase(Locale.ROOT);
    try {
      new InternetAddress(ascii, true).validate();
    } catch (AddressException e) {
      throw new InvalidInputException(field, "'" + address + "' is not an email address");
    }
    if (ascii.length() > MAX_LENGTH) {
      throw new InvalidInputException(field, "is longer than " + MAX_LENGTH + " characters");
    }
    return ascii;
  }

  /**
   * An {@code xn--} label passes {@link IDN#toASCII} as it is: what a mail client would show for it
   * must be valid internationalised text and read true, without bidirectional controls.
   */
  private static void checkEncodedLabels(String field, String address, String domain) {
    for (String label : domain.split("\\.")) {
      if (!label.regionMatches(true, 0, "xn--", 0, 4)) {
        continue;
      }
      String shown = IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED);
      if (shown.equalsIgnoreCase(label)) {
        throw new InvalidInputException(
            field, "'" + address + "' has an encoded domain label that is not valid text");
      }
      Arguments.noBidiControls(field, shown);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
