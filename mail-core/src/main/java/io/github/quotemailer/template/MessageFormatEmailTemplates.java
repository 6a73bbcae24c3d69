package io.github.quotemailer.template;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.quote.Quote;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * Email templates with {@link MessageFormat}: the bundled Spanish (Mexico, the default) and English
 * texts, or patterns the host supplies per locale. A locale without patterns falls back to its
 * language, then to es-MX (whose texts are then formatted the es-MX way). The total ({@code {2}})
 * and the date ({@code {3}}) are formatted for the locale, without the bidirectional marks that
 * right-to-left locales' formats carry.
 */
public final class MessageFormatEmailTemplates implements EmailTemplates {
  private static final String BUNDLE = "io.github.quotemailer.template.QuoteEmail";
  private static final Locale ES_MX = Locale.forLanguageTag("es-MX");
  private static final Pattern BIDI_CONTROLS =
      Pattern.compile("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");

  /** Stand-ins for the seven arguments, to try a host's patterns when they are configured. */
  private static final Object[] SAMPLE_ARGUMENTS = {"Q", "C", "1.00 MXN", "1 Jan", "S", "Co", "1"};

  private final Map<String, EmailPatterns> byTag;

  private MessageFormatEmailTemplates(Map<String, EmailPatterns> byTag) {
    this.byTag = Map.copyOf(byTag);
  }

  /** The bundled es-MX and en templates. */
  public static MessageFormatEmailTemplates defaults() {
    return builder().build();
  }

  /** A builder starting from the bundled templates. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public EmailContent render(Quote quote) {
    Chosen chosen = patternsFor(quote.locale());
    EmailPatterns patterns = chosen.patterns();
    Locale locale = chosen.formatLocale();
    Object[] plain = arguments(quote, locale, false);
    Object[] escaped = arguments(quote, locale, true);
    return new EmailContent(
        format(patterns.subject(), locale, plain),
        format(patterns.text(), locale, plain),
        format(patterns.html(), locale, escaped));
  }

  /**
   * The patterns for {@code locale}: its own, its language's, or else es-MX's, which are then
   * formatted the es-MX way (a Spanish sentence around a French-formatted total would read oddly).
   */
  private Chosen patternsFor(Locale locale) {
    EmailPatterns exact = byTag.get(locale.toLanguageTag());
    if (exact != null) {
      return new Chosen(exact, locale);
    }
    EmailPatterns language = byTag.get(locale.getLanguage());
    return language != null
        ? new Chosen(language, locale)
        : new Chosen(byTag.get(ES_MX.toLanguageTag()), ES_MX);
  }

  /** Patterns and the locale their arguments are formatted in. */
  private record Chosen(EmailPatterns patterns, Locale formatLocale) {}

  private static Object[] arguments(Quote quote, Locale locale, boolean html) {
    NumberFormat money = NumberFormat.getCurrencyInstance(locale);
    money.setCurrency(quote.currency());
    // Right-to-left locales' formats carry bidirectional marks (U+200F, U+061C); they are the
    // JDK's, not the host's, and the subject refuses them, so they are taken out here.
    String total =
        withoutBidiMarks(money.format(quote.total().amount()))
            + " "
            + quote.currency().getCurrencyCode();
    String validUntil =
        withoutBidiMarks(
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(quote.validUntil()));
    String[] values = {
      quote.number(),
      quote.customer().name(),
      total,
      validUntil,
      quote.salesperson().name(),
      quote.company().name(),
      String.valueOf(quote.version())
    };
    if (html) {
      for (int i = 0; i < values.length; i++) {
        values[i] = escapeHtml(values[i]);
      }
    }
    return values;
  }

  private static String format(String pattern, Locale locale, Object[] arguments) {
    return new MessageFormat(pattern, locale).format(arguments);
  }

  private static String withoutBidiMarks(String formatted) {
    return BIDI_CONTROLS.matcher(formatted).replaceAll("");
  }

  /** Escapes the five characters that matter in HTML text and attributes. */
  static String escapeHtml(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Collects patterns per locale, starting from the bundled ones. */
  public static final class Builder {
    private final Map<String, EmailPatterns> byTag = new HashMap<>();

    private Builder() {
      byTag.put("es-MX", bundled(Locale.forLanguageTag("es-MX")));
      byTag.put("es", byTag.get("es-MX"));
      byTag.put("en", bundled(Locale.ENGLISH));
    }

    /** Uses {@code patterns} for {@code locale} (a language alone, like "en", matches all). */
    public Builder patterns(Locale locale, EmailPatterns patterns) {
      if (locale == null || patterns == null) {
        throw new InvalidInputException("template", "locale and patterns are required");
      }
      // Fail now on a broken pattern, not when the first quote is sent.
      tryPattern("template.subject", patterns.subject(), locale);
      tryPattern("template.text", patterns.text(), locale);
      tryPattern("template.html", patterns.html(), locale);
      byTag.put(locale.toLanguageTag(), patterns);
      return this;
    }

    private static void tryPattern(String field, String pattern, Locale locale) {
      try {
        new MessageFormat(pattern, locale).format(SAMPLE_ARGUMENTS);
      } catch (IllegalArgumentException e) {
        // Every argument is text: a format type such as {2,number} fails like a syntax error.
        throw new InvalidInputException(
            field,
            "is not a usable MessageFormat pattern ("
                + e.getMessage()
                + "); arguments {0} to {6} are text, without a format type, and a literal"
                + " apostrophe is written twice");
      }
    }

    /** Builds the templates. */
    public MessageFormatEmailTemplates build() {
      return new MessageFormatEmailTemplates(byTag);
    }

    private static EmailPatterns bundled(Locale locale) {
      try {
        ResourceBundle bundle =
            ResourceBundle.getBundle(
                BUNDLE,
                locale,
                ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
        return new EmailPatterns(
            bundle.getString("subject"), bundle.getString("text"), bundle.getString("html"));
      } catch (MissingResourceException e) {
        throw new IllegalStateException("bundled email template missing: " + e.getKey(), e);
      }
    }
  }
}
