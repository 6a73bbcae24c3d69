/**
 * Implementation of {@code persistence-jdbc}: the statements every database shares, row mapping,
 * the outbox and its claims, migrations, key rotation and the legacy importer. What differs per
 * database is in {@link io.github.quotemailer.jdbc.internal.dialect}. Not for hosts: it may change
 * in any release.
 */
@NullMarked
package io.github.quotemailer.jdbc.internal;

import org.jspecify.annotations.NullMarked;
