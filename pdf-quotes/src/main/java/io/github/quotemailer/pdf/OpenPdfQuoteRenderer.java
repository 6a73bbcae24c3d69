package io.github.quotemailer.pdf;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.pdf.internal.Fonts;
import io.github.quotemailer.pdf.internal.Labels;
import io.github.quotemailer.pdf.internal.QuotePdfWriter;
import io.github.quotemailer.pdf.internal.RenderResources;
import io.github.quotemailer.pdf.internal.RenderSettings;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.quote.QuoteDocumentRenderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

/**
 * Renders a {@link Quote} to a PDF with OpenPDF, in the quote's locale: Spanish (Mexico) by
 * default, English for {@code en}. Letter pages; the DejaVu Sans font (or the branding's) is
 * embedded so accents and ñ print the same everywhere.
 *
 * <p>The README's "The quote PDF" section shows a branded renderer with its own labels, as compiled
 * and tested code; {@link #render(Quote)} then returns the PDF's bytes.
 *
 * <p>Layout: header with logo, company and quote identification; customer and salesperson; the
 * lines (header row repeated on every page, a line never split across pages unless it alone is
 * taller than a page); totals from the quote's own {@code subtotal()}, {@code discountTotal()},
 * {@code tax()} and {@code total()}; the total in words ({@link AmountInWords}); notes, terms, and
 * "Página X de Y" on every page. Amounts print as {@code $108,522.35} for pesos in Spanish, {@code
 * MX$108,522.35} in English and {@code US$1,234.00} for dollars.
 *
 * <p>Thread-safe, and meant to be built once and shared: each TrueType font is parsed once per
 * renderer, not per document. Renders running at the same time each use their own parsed copy, so a
 * renderer keeps as many copies as it has run renders at once (see the README's "The quote PDF").
 */
public final class OpenPdfQuoteRenderer implements QuoteDocumentRenderer {
  private final RenderResources resources;
  private final Optional<Instant> fixedTime;

  private OpenPdfQuoteRenderer(RenderSettings settings) {
    this.resources = new RenderResources(settings);
    this.fixedTime = settings.fixedTime();
  }

  /** A renderer with the defaults: no logo, the default accent colour, built-in labels. */
  public static OpenPdfQuoteRenderer create() {
    return builder().build();
  }

  /** Starts a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Renders {@code quote} and returns the PDF bytes, dated now (or at the fixed time of {@link
   * Builder#deterministic(Instant)}).
   *
   * @throws io.github.quotemailer.QuoteMailerException when OpenPDF fails to lay out the document
   */
  @Override
  public byte[] render(Quote quote) {
    Arguments.present("quote", quote);
    return QuotePdfWriter.render(resources, quote, fixedTime);
  }

  /**
   * Renders {@code quote} as of {@code renderedAt}: the bytes a renderer built with {@link
   * Builder#deterministic(Instant) deterministic(renderedAt)} gives, the same on every call. The
   * creation and modification dates are {@code renderedAt}; the document ID and font subset names
   * come from the quote, the time and the branding.
   *
   * @throws InvalidInputException naming "quote" or "renderedAt" when either is missing
   * @throws io.github.quotemailer.QuoteMailerException when OpenPDF fails to lay out the document
   */
  @Override
  public byte[] render(Quote quote, Instant renderedAt) {
    Arguments.present("quote", quote);
    Arguments.present("renderedAt", renderedAt);
    return QuotePdfWriter.render(resources, quote, Optional.of(renderedAt));
  }

  /** How many font sets this renderer has parsed, for tests: one per render running at once. */
  int parsedFontSets() {
    return resources.parsedFontSets();
  }

  /** Builds an {@link OpenPdfQuoteRenderer}; every setting is optional. */
  public static final class Builder {
    private QuoteBranding branding = QuoteBranding.defaults();
    private Optional<String> labelsBundle = Optional.empty();
    private ClassLoader labelsLoader = OpenPdfQuoteRenderer.class.getClassLoader();
    private Optional<Instant> fixedTime = Optional.empty();

    private Builder() {}

    /** Sets the logo, accent colour and font; default {@link QuoteBranding#defaults()}. */
    public Builder branding(QuoteBranding branding) {
      this.branding = Arguments.present("branding", branding);
      return this;
    }

    /**
     * Overrides document labels with the host's {@link java.util.ResourceBundle} {@code baseName}
     * (e.g. {@code com.acme.QuoteLabels}, found as {@code com/acme/QuoteLabels_en.properties}),
     * looked up with the thread's context class loader. Keys the host's bundle lacks keep the
     * built-in text; the keys are those of {@code io/github/quotemailer/pdf/labels.properties}.
     *
     * @throws InvalidInputException naming "labels" when no such bundle exists
     */
    public Builder labels(String baseName) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = OpenPdfQuoteRenderer.class.getClassLoader();
      }
      if (baseName == null || !Labels.exists(baseName, loader)) {
        throw new InvalidInputException(
            "labels",
            "no resource bundle '" + baseName + "' for Spanish or English on the class path");
      }
      this.labelsBundle = Optional.of(baseName);
      this.labelsLoader = loader;
      return this;
    }

    /**
     * Makes output byte-identical for the same quote and settings: creation and modification dates
     * are {@code fixedTime}, the document ID and font subset names are derived from the input
     * instead of the clock and a random source. For tests, archives and caching; by default every
     * PDF carries the time it was rendered.
     */
    public Builder deterministic(Instant fixedTime) {
      this.fixedTime = Optional.of(Arguments.present("fixedTime", fixedTime));
      return this;
    }

    /**
     * Builds the renderer and decodes the logo; the fonts are parsed at the first render, then
     * reused.
     */
    public OpenPdfQuoteRenderer build() {
      byte[] regularFont = branding.regularFont().orElseGet(() -> Fonts.bundled(Fonts.REGULAR));
      Optional<byte[]> boldFont =
          branding.regularFont().isPresent()
              ? branding.boldFont()
              : Optional.of(Fonts.bundled(Fonts.BOLD));
      return new OpenPdfQuoteRenderer(
          new RenderSettings(
              branding.accentColor(),
              branding.logo(),
              regularFont,
              boldFont,
              labelsBundle,
              labelsLoader,
              fixedTime,
              digest(branding, labelsBundle)));
    }

    private static byte[] digest(QuoteBranding branding, Optional<String> labelsBundle) {
      try {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(
            Integer.toString(branding.accentColor().getRGB()).getBytes(StandardCharsets.UTF_8));
        branding.logo().ifPresent(md5::update);
        branding.regularFont().ifPresent(md5::update);
        branding.boldFont().ifPresent(md5::update);
        labelsBundle.ifPresent(name -> md5.update(name.getBytes(StandardCharsets.UTF_8)));
        return md5.digest();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has MD5", e);
      }
    }
  }
}
