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

/**
 * Email templates with {@link MessageFormat}: the bundled Spanish (Mexico, the default) and English
 * texts, or patterns the host supplies per locale. A locale without patterns falls back to its
 * language, then to es-MX.
 */
public final class MessageFormatEmailTemplates implements EmailTemplates {
  private static final String BUNDLE = "io.github.quotemailer.template.QuoteEmail";

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
    Locale locale = quote.locale();
    EmailPatterns patterns = patternsFor(locale);
    Object[] plain = arguments(quote, false);
    Object[] escaped = arguments(quote, true);
    return new EmailContent(
        format(patterns.subject(), locale, plain),
        format(patterns.text(), locale, plain),
        format(patterns.html(), locale, escaped));
  }

  private EmailPatterns patternsFor(Locale locale) {
    EmailPatterns exact = byTag.get(locale.toLanguageTag());
    if (exact != null) {
      return exact;
    }
    EmailPatterns language = byTag.get(locale.getLanguage());
    return language != null ? language : byTag.get("es-MX");
  }

  private static Object[] arguments(Quote quote, boolean html) {
    Locale locale = quote.locale();
    NumberFormat money = NumberFormat.getCurrencyInstance(locale);
    money.setCurrency(quote.currency());
    String total = money.format(quote.total().amount()) + " " + quote.currency().getCurrencyCode();
    String validUntil =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale)
            .format(quote.validUntil());
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
      new MessageFormat(patterns.subject(), locale);
      new MessageFormat(patterns.text(), locale);
      new MessageFormat(patterns.html(), locale);
      byTag.put(locale.toLanguageTag(), patterns);
      return this;
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
