/**
 * What an outbox store implements for the delivery worker: the lease protocol. Hosts use {@link
 * io.github.quotemailer.outbox.Outbox}; only a store implementation needs this package.
 */
@NullMarked
package io.github.quotemailer.outbox.spi;

import org.jspecify.annotations.NullMarked;
