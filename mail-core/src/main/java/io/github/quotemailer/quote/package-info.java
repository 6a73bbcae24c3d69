/** The quote document: {@link io.github.quotemailer.quote.Quote}, its lines, parties and money. */
@NullMarked
package io.github.quotemailer.quote;

import org.jspecify.annotations.NullMarked;
