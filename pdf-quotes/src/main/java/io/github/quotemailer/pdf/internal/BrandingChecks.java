package io.github.quotemailer.pdf.internal;

import com.lowagie.text.Image;
import io.github.quotemailer.InvalidInputException;

/** Validation of the branding's logo and font bytes; failures name the field. */
public final class BrandingChecks {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private BrandingChecks() {}

  /**
   * Returns a private copy of {@code bytes} when they are a readable PNG or JPEG of at most {@code
   * maxBytes}; throws {@link InvalidInputException} naming "logo" otherwise.
   */
  public static byte[] checkedLogo(byte[] bytes, int maxBytes) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidInputException("logo", "is empty; give PNG or JPEG bytes, or no logo");
    }
    if (bytes.length > maxBytes) {
      throw new InvalidInputException(
          "logo",
          "is " + bytes.length + " bytes; the limit is " + maxBytes + ", use a smaller image");
    }
    // The signature check comes first: OpenPDF also reads GIF, BMP, TIFF and WMF, which we do not
    // promise to support.
    if (!isPng(bytes) && !isJpeg(bytes)) {
      throw new InvalidInputException("logo", "is not a PNG or JPEG image");
    }
    byte[] copy = bytes.clone();
    try {
      Image image = Image.getInstance(copy);
      if (image.getWidth() <= 0 || image.getHeight() <= 0) {
        throw new InvalidInputException("logo", "has no width or height");
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (Exception e) {
      throw new InvalidInputException(
          "logo", "looks like a PNG or JPEG but cannot be read (" + e.getMessage() + ")");
    }
    return copy;
  }

  /**
   * Returns a private copy of {@code bytes} when OpenPDF can load them as an embeddable TrueType
   * font; throws {@link InvalidInputException} naming {@code field} otherwise.
   */
  public static byte[] checkedFont(String field, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidInputException(field, "is empty; give the bytes of a .ttf file");
    }
    byte[] copy = bytes.clone();
    try {
      Fonts.load(field + ".ttf", copy);
    } catch (Exception e) {
      throw new InvalidInputException(
          field, "is not a TrueType font that may be embedded (" + e.getMessage() + ")");
    }
    return copy;
  }

  private static boolean isPng(byte[] bytes) {
    if (bytes.length < PNG_SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (bytes[i] != PNG_SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isJpeg(byte[] bytes) {
    return bytes.length > 3
        && (bytes[0] & 0xFF) == 0xFF
        && (bytes[1] & 0xFF) == 0xD8
        && (bytes[2] & 0xFF) == 0xFF;
  }
}
