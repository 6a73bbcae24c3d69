package io.github.quotemailer.jdbc;

/**
 * What {@link JdbcStores#migrate()} did.
 *
 * @param applied how many migrations ran now; 0 when the schema was already current
 * @param schemaVersion the schema version after migrating, e.g. {@code "1"}
 */
public record MigrationResult(int applied, String schemaVersion) {}
