package io.github.quotemailer.pdf.internal;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import io.github.quotemailer.QuoteMailerException;
import io.github.quotemailer.quote.Quote;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What every render of one renderer uses, prepared once instead of per document: the settings, the
 * parsed fonts ({@link FontPool}), the decoded logo, and the labels and date format of each locale
 * its quotes are written in. Thread-safe; what a document changes while it is laid out (the fonts'
 * subset random source, the logo's position) is never shared: fonts are lent to one render at a
 * time and each render gets its own copy of the logo.
 */
public final class RenderResources {
  private static final float LOGO_WIDTH = 140;
  private static final float LOGO_HEIGHT = 56;

  private final RenderSettings settings;
  private final FontPool fonts;
  private final Optional<Image> logo;
  private final ConcurrentMap<Locale, Wording> wordings = new ConcurrentHashMap<>();

  /** The labels and date format of one locale. */
  private record Wording(Labels labels, DateTimeFormatter dates) {}

  /** Decodes the logo now; fonts are parsed at the first render. */
  public RenderResources(RenderSettings settings) {
    this.settings = settings;
    this.fonts = new FontPool(settings.regularFont(), settings.boldFont());
    this.logo = settings.logo().map(RenderResources::decoded);
  }

  RenderSettings settings() {
    return settings;
  }

  FontPool fonts() {
    return fonts;
  }

  /**
   * The logo for one document, scaled to fit 140 x 56 points: a copy sharing the decoded pixels,
   * because OpenPDF sets the position of the {@link Image} it lays out ({@code PdfPRow.writeCells}
   * calls {@code setAbsolutePosition}).
   */
  Optional<Image> logo() {
    return logo.map(Image::getInstance);
  }

  /** The labels for {@code locale}: the host's bundle first, then the built-in one. */
  Labels labels(Locale locale) {
    return wording(locale).labels();
  }

  /** The format of the quote's dates in {@code locale}, such as "9 de diciembre de 2025". */
  DateTimeFormatter dates(Locale locale) {
    return wording(locale).dates();
  }

  /** How many font sets the renderer has parsed: one per render it has run at once. */
  public int parsedFontSets() {
    return fonts.parsedSets();
  }

  private Wording wording(Locale locale) {
    // Bounded by the locales of the host's quotes, a handful in practice.
    return wordings.computeIfAbsent(locale, this::wordingOf);
  }

  private Wording wordingOf(Locale locale) {
    Labels labels = Labels.of(locale, settings.labelsBundle(), settings.labelsLoader());
    // Month names in the quote's language when it is English or Spanish; Mexican Spanish otherwise,
    // matching the labels, which are Spanish for any language but English.
    Locale dateLocale =
        DocumentLanguage.of(locale) == DocumentLanguage.ENGLISH || "es".equals(locale.getLanguage())
            ? locale
            : Quote.DEFAULT_LOCALE;
    return new Wording(labels, DateTimeFormatter.ofPattern(labels.get("datePattern"), dateLocale));
  }

  private static Image decoded(byte[] bytes) {
    try {
      Image image = Image.getInstance(bytes);
      image.scaleToFit(LOGO_WIDTH, LOGO_HEIGHT);
      image.setSpacingAfter(4);
      return image;
    } catch (IOException | DocumentException e) {
      throw new QuoteMailerException("The logo could not be read: " + e.getMessage(), e);
    }
  }
}
