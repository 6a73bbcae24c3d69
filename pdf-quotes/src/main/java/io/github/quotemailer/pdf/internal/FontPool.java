package io.github.quotemailer.pdf.internal;

import com.lowagie.text.DocumentException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A renderer's parsed fonts, so a TrueType file is parsed once per renderer and not once per
 * document (parsing both DejaVu files cost about 2 ms a render). Each render borrows a {@link
 * FontSet}, uses it alone, and gives it back; a new set is parsed only when every set is in use, so
 * a renderer holds at most as many sets as it has ever had renders running at once.
 *
 * <p>Why a pool and not one set shared by all renders: in OpenPDF 2.0.5 a parsed {@code
 * TrueTypeFontUnicode} (metrics, cmaps, the font's bytes) is only read by the documents that use
 * it, with one exception. What a document adds lives in its own writer: {@code PdfWriter.addSimple}
 * keeps a {@code FontDetails} per font and document, whose {@code longTag} and {@code fillerCmap}
 * collect the glyphs used; {@code TrueTypeFontUnicode.writeFont} subsets from a {@code new
 * RandomAccessFileOrArray(rf)} copy, which shares the font's byte array but reads with its own
 * position. The exception is {@code BaseFont.secureRandom}: {@code writeFont} names each subset
 * with {@code createSubsetPrefix()}, which draws six letters from {@code getSecureRandom()}, and
 * deterministic output sets that field per document from the document's ID ({@link #borrow}). With
 * one shared font, two renders would overwrite each other's source and draw from it at once, so
 * neither would get the prefix its input calls for; a lock would have to cover the whole render,
 * since the prefix is drawn at {@code Document.close()}. A set used by one render at a time keeps
 * the field that render's own without any lock. (OpenPDF's own font cache, {@code
 * BaseFont.createFont(..., cached = true, ...)}, would hand every render the same instance, so
 * {@link Fonts#load} does not use it.)
 */
final class FontPool {
  private final byte[] regularTtf;
  private final Optional<byte[]> boldTtf;
  private final ConcurrentLinkedQueue<FontSet> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger parsedSets = new AtomicInteger();
  // Thread-safe, so all renders dated by the clock draw their subset names from it; OpenPDF's own
  // default builds a new SecureRandom for every subset of every document.
  private final SecureRandom subsetNames = new SecureRandom();

  /**
   * A pool for these TrueType files, which it never modifies; nothing is parsed until the first
   * render.
   *
   * @param regularTtf the body font
   * @param boldTtf the bold font, if any; otherwise bold is simulated with the body font
   */
  FontPool(byte[] regularTtf, Optional<byte[]> boldTtf) {
    this.regularTtf = regularTtf;
    this.boldTtf = boldTtf;
  }

  /**
   * An idle set, or a newly parsed one when every set is in use, naming its subsets from {@code
   * documentId} when given and at random otherwise; give it back when done.
   */
  FontSet borrow(Optional<byte[]> documentId) throws DocumentException, IOException {
    FontSet set = idle.poll();
    if (set == null) {
      parsedSets.incrementAndGet();
      set = FontSet.parse(regularTtf, boldTtf);
    }
    set.nameSubsetsFrom(documentId, subsetNames);
    return set;
  }

  /** Returns {@code set} for the next render; its fonts keep nothing of the document. */
  void giveBack(FontSet set) {
    idle.add(set);
  }

  /** How many font sets this pool has parsed: the most renders it has run at once. */
  int parsedSets() {
    return parsedSets.get();
  }
}
