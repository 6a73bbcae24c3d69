/**
 * Durable asynchronous delivery: the {@link io.github.quotemailer.outbox.Outbox} port (a
 * transactional outbox), the {@link io.github.quotemailer.outbox.DeliveryWorker} that drains it,
 * and an in-memory outbox for tests.
 */
@NullMarked
package io.github.quotemailer.outbox;

import org.jspecify.annotations.NullMarked;
