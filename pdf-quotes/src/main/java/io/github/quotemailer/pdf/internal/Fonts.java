package io.github.quotemailer.pdf.internal;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled DejaVu Sans fonts and the one way fonts are loaded: Unicode, embedded, subset. */
public final class Fonts {
  private static final String FOLDER = "/io/github/quotemailer/pdf/fonts/";

  /** File name of the bundled regular font, which is also its name inside OpenPDF. */
  public static final String REGULAR = "DejaVuSans.ttf";

  /** File name of the bundled bold font. */
  public static final String BOLD = "DejaVuSans-Bold.ttf";

  private Fonts() {}

  /** Reads a bundled font file ({@link #REGULAR} or {@link #BOLD}). */
  public static byte[] bundled(String fileName) {
    try (InputStream in = Fonts.class.getResourceAsStream(FOLDER + fileName)) {
      if (in == null) {
        throw new IllegalStateException("the pdf-quotes jar lacks " + FOLDER + fileName);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FOLDER + fileName, e);
    }
  }

  /**
   * Loads {@code ttf} as a font written with Identity-H (any Unicode character the font has) and
   * embedded, so the PDF looks the same on every reader. Not cached by OpenPDF: a renderer keeps
   * what this returns in its {@link FontPool}, which lends each font to one render at a time.
   *
   * @param name a name ending in {@code .ttf}, which tells OpenPDF the font type
   */
  public static BaseFont load(String name, byte[] ttf) throws DocumentException, IOException {
    return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
  }
}
