/**
 * Implementation of {@code persistence-jdbc}: JDBI statements, row mapping, the outbox, migrations,
 * key rotation and the legacy importer. Not for hosts: it may change in any release.
 */
@NullMarked
package io.github.quotemailer.jdbc.internal;

import org.jspecify.annotations.NullMarked;
