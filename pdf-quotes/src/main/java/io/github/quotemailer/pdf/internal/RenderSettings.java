package io.github.quotemailer.pdf.internal;

import java.awt.Color;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything a render needs besides the quote, fixed when the renderer is built.
 *
 * @param accentColor colour of the title, table header and total
 * @param logo PNG or JPEG bytes, if any (never modified)
 * @param regularFont TrueType bytes of the body font (never modified)
 * @param boldFont TrueType bytes of the bold font, if any; otherwise bold is simulated
 * @param labelsBundle base name of the host's label bundle, if any
 * @param labelsLoader the class loader that finds the host's bundle
 * @param fixedTime the creation time used for byte-identical output, if deterministic
 * @param brandingDigest MD5 of the branding, mixed into the deterministic document ID
 */
public record RenderSettings(
    Color accentColor,
    Optional<byte[]> logo,
    byte[] regularFont,
    Optional<byte[]> boldFont,
    Optional<String> labelsBundle,
    ClassLoader labelsLoader,
    Optional<Instant> fixedTime,
    byte[] brandingDigest) {}
