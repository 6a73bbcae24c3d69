package io.github.quotemailer.examples.demo;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The demo's texts in Spanish (Mexico, the default) or English, from {@code messages_*.properties}.
 */
public final class Texts {
  private static final String BUNDLE = "io.github.quotemailer.examples.demo.messages";
  private static final Texts SPANISH = new Texts(Locale.forLanguageTag("es-MX"));
  private static final Texts ENGLISH = new Texts(Locale.ENGLISH);

  private final Locale locale;
  private final ResourceBundle bundle;

  private Texts(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The texts of {@code lang}: {@code en} for English, anything else Spanish. */
  static Texts of(String lang) {
    return "en".equals(lang) ? ENGLISH : SPANISH;
  }

  /** The language tag of these texts ({@code es-MX} or {@code en}). */
  public String languageTag() {
    return locale.toLanguageTag();
  }

  /** The text for {@code key}, with {@code args} put into its {@code {0}}, {@code {1}} … */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key; // a missing text shows its key rather than failing the page
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
