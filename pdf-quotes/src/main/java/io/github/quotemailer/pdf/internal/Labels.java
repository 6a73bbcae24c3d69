package io.github.quotemailer.pdf.internal;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The document's words, from the built-in bundle {@code io.github.quotemailer.pdf.labels} (Spanish
 * base, English {@code _en}) or from a host's bundle that overrides some keys. Lookups never fall
 * back to the JVM's default locale, so the output does not depend on the machine.
 */
public final class Labels {
  /** Base name of the built-in bundle. */
  public static final String BUILT_IN = "io.github.quotemailer.pdf.labels";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final ResourceBundle builtIn;
  private final Optional<ResourceBundle> host;

  private Labels(ResourceBundle builtIn, Optional<ResourceBundle> host) {
    this.builtIn = builtIn;
    this.host = host;
  }

  /** Labels for {@code locale}: the host's bundle first (if given and found), then the built-in. */
  public static Labels of(Locale locale, Optional<String> hostBundle, ClassLoader hostLoader) {
    // The base bundle is Spanish, so any language other than English reads Spanish labels,
    // matching DocumentLanguage.
    ResourceBundle builtIn =
        ResourceBundle.getBundle(BUILT_IN, locale, Labels.class.getClassLoader(), NO_FALLBACK);
    Optional<ResourceBundle> host = hostBundle.flatMap(name -> find(name, locale, hostLoader));
    return new Labels(builtIn, host);
  }

  /** The text for {@code key}. */
  public String get(String key) {
    if (host.isPresent() && host.get().containsKey(key)) {
      return host.get().getString(key);
    }
    return builtIn.getString(key);
  }

  /** The text for {@code key} with each {@code {name}} replaced by its value. */
  public String format(String key, Map<String, String> values) {
    String text = get(key);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{" + value.getKey() + "}", value.getValue());
    }
    return text;
  }

  /**
   * Whether a bundle {@code name} exists for Spanish or English, to catch a misspelt name early.
   */
  public static boolean exists(String name, ClassLoader loader) {
    return find(name, Locale.forLanguageTag("es-MX"), loader).isPresent()
        || find(name, Locale.ENGLISH, loader).isPresent();
  }

  private static Optional<ResourceBundle> find(String name, Locale locale, ClassLoader loader) {
    try {
      return Optional.of(ResourceBundle.getBundle(name, locale, loader, NO_FALLBACK));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }
}
