package io.github.quotemailer.pdf;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.pdf.internal.BrandingChecks;
import java.awt.Color;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How a company's quotes look: accent colour, logo and, optionally, its own font. Validated when
 * built, so a bad logo or font fails at start-up rather than on the first quote.
 *
 * <pre>{@code
 * QuoteBranding branding = QuoteBranding.builder()
 *     .accentColor("#0B5394")
 *     .logo(Files.readAllBytes(Path.of("logo.png")))
 *     .build();
 * }</pre>
 */
public final class QuoteBranding {
  /** Dark blue: readable as white-on-colour table headers and printable in grey scale. */
  public static final Color DEFAULT_ACCENT_COLOR = new Color(0x1F, 0x4E, 0x79);

  /** A logo is small; anything bigger is almost certainly a mistake and bloats every email. */
  public static final int MAX_LOGO_BYTES = 2 * 1024 * 1024;

  private static final QuoteBranding DEFAULTS = builder().build();

  private final Color accentColor;
  private final byte[] logo;
  private final byte[] regularFont;
  private final byte[] boldFont;

  private QuoteBranding(Builder builder) {
    this.accentColor = builder.accentColor;
    this.logo = builder.logo;
    this.regularFont = builder.regularFont;
    this.boldFont = builder.boldFont;
  }

  /** No logo, the default accent colour and the bundled DejaVu Sans font. */
  public static QuoteBranding defaults() {
    return DEFAULTS;
  }

  /** Starts a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The colour of the title, table header and total. */
  public Color accentColor() {
    return accentColor;
  }

  /** The logo (PNG or JPEG bytes, a copy), if any. */
  public Optional<byte[]> logo() {
    return copyOf(logo);
  }

  /** The TrueType font replacing the bundled one (a copy), if any. */
  public Optional<byte[]> regularFont() {
    return copyOf(regularFont);
  }

  /**
   * The bold TrueType font (a copy), if one was given with {@link Builder#font(byte[], byte[])}.
   */
  public Optional<byte[]> boldFont() {
    return copyOf(boldFont);
  }

  private static Optional<byte[]> copyOf(byte[] bytes) {
    return Optional.ofNullable(bytes).map(byte[]::clone);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QuoteBranding that
        && accentColor.equals(that.accentColor)
        && Arrays.equals(logo, that.logo)
        && Arrays.equals(regularFont, that.regularFont)
        && Arrays.equals(boldFont, that.boldFont);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        accentColor,
        Arrays.hashCode(logo),
        Arrays.hashCode(regularFont),
        Arrays.hashCode(boldFont));
  }

  @Override
  public String toString() {
    return String.format(
        "QuoteBranding[accentColor=#%06X, logo=%s, font=%s]",
        accentColor.getRGB() & 0xFFFFFF,
        logo == null ? "none" : logo.length + " bytes",
        regularFont == null ? "DejaVu Sans" : "custom");
  }

  /** Builds a {@link QuoteBranding}; every setting is optional. */
  public static final class Builder {
    private Color accentColor = DEFAULT_ACCENT_COLOR;
    private byte[] logo;
    private byte[] regularFont;
    private byte[] boldFont;

    private Builder() {}

    /** Sets the accent colour. */
    public Builder accentColor(Color color) {
      this.accentColor = Arguments.present("color", color);
      return this;
    }

    /**
     * Sets the accent colour from a CSS-style hex string such as {@code #1F4E79}.
     *
     * @throws InvalidInputException naming "accentColor" when it is not {@code #RRGGBB}
     */
    public Builder accentColor(String hex) {
      if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
        throw new InvalidInputException(
            "accentColor", "'" + hex + "' is not a colour like #1F4E79");
      }
      return accentColor(new Color(Integer.parseInt(hex.substring(1), 16)));
    }

    /**
     * Sets the logo printed at the top left, scaled to fit 140 x 56 points.
     *
     * @throws InvalidInputException naming "logo" when the bytes are not a PNG or JPEG image
     */
    public Builder logo(byte[] pngOrJpeg) {
      this.logo = BrandingChecks.checkedLogo(pngOrJpeg, MAX_LOGO_BYTES);
      return this;
    }

    /**
     * Replaces the bundled font with a TrueType font (for body and bold text; bold is then
     * simulated). It must cover every character the quotes use and allow embedding.
     *
     * @throws InvalidInputException naming "font" when the bytes are not a usable TrueType font
     */
    public Builder font(byte[] regularTtf) {
      this.regularFont = BrandingChecks.checkedFont("font", regularTtf);
      this.boldFont = null;
      return this;
    }

    /**
     * Replaces the bundled fonts with a TrueType family: regular and bold.
     *
     * @throws InvalidInputException naming "font" or "boldFont" when either is not usable
     */
    public Builder font(byte[] regularTtf, byte[] boldTtf) {
      this.regularFont = BrandingChecks.checkedFont("font", regularTtf);
      this.boldFont = BrandingChecks.checkedFont("boldFont", boldTtf);
      return this;
    }

    /** Builds the branding. */
    public QuoteBranding build() {
      return new QuoteBranding(this);
    }
  }
}
