/**
 * The quote JSON format: {@link io.github.quotemailer.json.QuoteJson} reads and writes it (README,
 * "Quote JSON").
 */
@NullMarked
package io.github.quotemailer.json;

import org.jspecify.annotations.NullMarked;
