package io.github.quotemailer.pdf.internal;

import com.lowagie.text.DocumentException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A renderer's parsed fonts, so a TrueType file is parsed once per renderer and not once per
 * document (parsing both DejaVu files cost about 2 ms a render). Each render borrows a {@link
 * FontSet}, uses it alone, and gives it back; a new set is parsed only when every set is in use, so
 * a renderer holds at most as many sets as it has ever had renders running at once.
 *
 * <p>Why a pool and not one set shared by all renders: in OpenPDF 2.0.5 a {@code
 * TrueTypeFontUnicode} is read-only once parsed as far as a document is concerned, except for one
 * field. What a document adds to a font lives in its own writer: {@code PdfWriter.addSimple} keeps
 * a {@code FontDetails} per font and document, whose {@code longTag} and {@code fillerCmap} collect
 * the glyphs used, and {@code TrueTypeFontUnicode.writeFont} subsets from a {@code new
 * RandomAccessFileOrArray(rf)} copy, which shares only the font's byte array and reads with its own
 * position. The exception is {@code BaseFont.secureRandom}: {@code writeFont} names the subset with
 * {@code createSubsetPrefix()}, which draws six letters from {@code getSecureRandom()}, and
 * deterministic output depends on setting that field per document ({@link
 * FontSet#nameSubsetsFrom}). One shared font would let two renders overwrite each other's source
 * and draw from it at once, so neither would get the prefix its input calls for. A set used by one
 * render at a time keeps that field the render's own, with no lock around the render.
 */
public final class FontPool {
  private final byte[] regularTtf;
  private final Optional<byte[]> boldTtf;
  private final ConcurrentLinkedQueue<FontSet> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger parsedSets = new AtomicInteger();

  /**
   * A pool for these TrueType files, which it never modifies; nothing is parsed until the first
   * render.
   *
   * @param regularTtf the body font
   * @param boldTtf the bold font, if any; otherwise bold is simulated with the body font
   */
  public FontPool(byte[] regularTtf, Optional<byte[]> boldTtf) {
    this.regularTtf = regularTtf;
    this.boldTtf = boldTtf;
  }

  /** An idle set, or a newly parsed one when every set is in use; give it back when done. */
  FontSet borrow() throws DocumentException, IOException {
    FontSet set = idle.poll();
    if (set != null) {
      return set;
    }
    parsedSets.incrementAndGet();
    return FontSet.parse(regularTtf, boldTtf);
  }

  /** Returns {@code set} for the next render; its fonts keep nothing of the document. */
  void giveBack(FontSet set) {
    idle.add(set);
  }

  /** How many font sets this pool has parsed: the most renders it has run at once. */
  public int parsedSets() {
    return parsedSets.get();
  }
}
