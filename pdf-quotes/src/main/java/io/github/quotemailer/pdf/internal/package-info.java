/**
 * Implementation of the PDF renderer: layout, fonts, labels, number words. Not part of the API;
 * hosts use {@link io.github.quotemailer.pdf.OpenPdfQuoteRenderer} and may change without notice.
 */
@NullMarked
package io.github.quotemailer.pdf.internal;

import org.jspecify.annotations.NullMarked;
