/**
 * QuoteMailer's entry points: {@link io.github.quotemailer.QuoteMailer}, its builder and the
 * exceptions it throws.
 */
@NullMarked
package io.github.quotemailer;

import org.jspecify.annotations.NullMarked;
