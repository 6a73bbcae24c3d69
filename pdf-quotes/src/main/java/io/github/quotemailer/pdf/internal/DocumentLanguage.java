package io.github.quotemailer.pdf.internal;

import java.util.Locale;

/**
 * The two languages a quote is written in. English for any {@code en} locale; Spanish (Mexico) for
 * everything else, because the library's first users are Mexican companies and es-MX is the quote's
 * default locale.
 */
public enum DocumentLanguage {
  /** Spanish, Mexican conventions. */
  SPANISH,
  /** English. */
  ENGLISH;

  /** The language used for {@code locale}. */
  public static DocumentLanguage of(Locale locale) {
    return "en".equals(locale.getLanguage()) ? ENGLISH : SPANISH;
  }
}
