/** Receipts, the delivery log and the listener that tells the host what happened. */
@NullMarked
package io.github.quotemailer.delivery;

import org.jspecify.annotations.NullMarked;
