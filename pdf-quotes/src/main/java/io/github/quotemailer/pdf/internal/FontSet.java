package io.github.quotemailer.pdf.internal;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The parsed body and bold fonts of one render, borrowed from a {@link FontPool}.
 *
 * @param regular the body font
 * @param bold the bold font, or {@code regular} when the branding has no bold face
 * @param boldStyle the {@link Font} style for bold text: {@link Font#BOLD} when bold is simulated
 */
record FontSet(BaseFont regular, BaseFont bold, int boldStyle) {

  static FontSet parse(byte[] regularTtf, Optional<byte[]> boldTtf)
      throws DocumentException, IOException {
    BaseFont regular = Fonts.load("regular.ttf", regularTtf);
    if (boldTtf.isPresent()) {
      return new FontSet(regular, Fonts.load("bold.ttf", boldTtf.get()), Font.NORMAL);
    }
    // A host font without a bold face: OpenPDF strokes the glyphs to simulate bold.
    return new FontSet(regular, regular, Font.BOLD);
  }

  /**
   * Sets where the next document's subset names come from. Font subsets get a random six-letter
   * prefix: seeded from {@code documentId} it is the same for the same input; without one it comes
   * from {@code random}. Called before every render, since a pooled font keeps the previous
   * render's source.
   */
  void nameSubsetsFrom(Optional<byte[]> documentId, SecureRandom random) {
    regular.setSecureRandom(documentId.map(id -> seeded(id, 1)).orElse(random));
    if (bold != regular) {
      bold.setSecureRandom(documentId.map(id -> seeded(id, 2)).orElse(random));
    }
  }

  private static SecureRandom seeded(byte[] documentId, int salt) {
    try {
      // SHA1PRNG seeded before first use yields the same sequence for the same seed.
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      byte[] seed = documentId.clone();
      seed[0] ^= (byte) salt;
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA1PRNG", e);
    }
  }
}
