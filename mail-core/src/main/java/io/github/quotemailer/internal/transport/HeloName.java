package io.github.quotemailer.internal.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The name this client announces in EHLO. Unless the host sets one, it is this machine's fully
 * qualified host name, else the address literal of its address, else {@code localhost}, which
 * submission servers often refuse (Postfix's {@code reject_non_fqdn_helo_hostname}). The machine's
 * name is looked up once, on first use: a DNS lookup can be slow.
 */
public final class HeloName {
  /** The name of last resort, when the machine has neither a qualified name nor an address. */
  public static final String LOCALHOST = "localhost";

  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private HeloName() {}

  /** {@code configured} if the host set one, else this machine's name, looked up on first use. */
  public static Supplier<String> configuredOrThisMachine(Optional<String> configured) {
    return configured.<Supplier<String>>map(name -> () -> name).orElseGet(HeloName::ofThisMachine);
  }

  /** This machine's name as {@link #choose} picks it, looked up on the first call and then kept. */
  public static Supplier<String> ofThisMachine() {
    return once(HeloName::lookUp);
  }

  /** {@code lookUp}'s answer, asked for on the first call only and then kept. */
  static Supplier<String> once(Supplier<String> lookUp) {
    return new Once(lookUp);
  }

  private static String lookUp() {
    try {
      InetAddress local = InetAddress.getLocalHost();
      return choose(local.getCanonicalHostName(), local);
    } catch (UnknownHostException | SecurityException e) {
      return LOCALHOST;
    }
  }

  /**
   * The EHLO name for a machine whose canonical host name is {@code canonicalName} and whose
   * address is {@code address} (either may be null): the name if it is fully qualified (a valid
   * host name with a dot, not an IP address, not {@code localhost.*}; a final dot dropped); else
   * the address literal of the address, unless it is a loopback, link-local, wildcard or multicast
   * address; else {@code localhost}.
   */
  public static String choose(String canonicalName, InetAddress address) {
    String name = canonicalName == null ? "" : withoutTrailingDot(canonicalName.strip());
    if (isFullyQualified(name)) {
      return name;
    }
    if (address != null && isMeaningful(address)) {
      return literalOf(address);
    }
    return LOCALHOST;
  }

  /**
   * Whether {@code name} may be announced in EHLO: a host name of letters, digits and hyphens in
   * dot-separated labels (RFC 1123), or an address literal such as {@code [192.0.2.1]} or {@code
   * [IPv6:2001:db8::1]} (RFC 5321).
   */
  public static boolean isValid(String name) {
    return name != null && (isHostName(name) || isAddressLiteral(name));
  }

  private static boolean isFullyQualified(String name) {
    if (!isHostName(name)) {
      return false;
    }
    String[] labels = name.split("\\.");
    return labels.length > 1
        && !DIGITS.matcher(labels[labels.length - 1]).matches()
        && !labels[0].toLowerCase(Locale.ROOT).equals(LOCALHOST);
  }

  private static boolean isHostName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAddressLiteral(String name) {
    if (name.length() < 3 || name.charAt(0) != '[' || name.charAt(name.length() - 1) != ']') {
      return false;
    }
    String inside = name.substring(1, name.length() - 1);
    if (inside.regionMatches(true, 0, "IPv6:", 0, 5)) {
      return inside.substring(5).matches("[0-9A-Fa-f:.]{2,45}") && inside.indexOf(':', 5) >= 0;
    }
    return inside.matches(
        "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  }

  private static boolean isMeaningful(InetAddress address) {
    return !address.isLoopbackAddress()
        && !address.isLinkLocalAddress()
        && !address.isAnyLocalAddress()
        && !address.isMulticastAddress();
  }

  private static String literalOf(InetAddress address) {
    String text = address.getHostAddress();
    int scope = text.indexOf('%');
    text = scope < 0 ? text : text.substring(0, scope);
    return address instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
  }

  private static String withoutTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** Looks the name up on the first call only; later calls return the same name. */
  private static final class Once implements Supplier<String> {
    private final Supplier<String> lookUp;
    private volatile String name;

    Once(Supplier<String> lookUp) {
      this.lookUp = lookUp;
    }

    @Override
    public String get() {
      String known = name;
      if (known == null) {
        synchronized (this) {
          if (name == null) {
            name = lookUp.get();
          }
          known = name;
        }
      }
      return known;
    }
  }
}
