package io.github.quotemailer.jdbc;

/**
 * What {@link JdbcStores#rotateKeys} did.
 *
 * @param rotated secrets re-encrypted with the newest key by this run
 * @param alreadyCurrent secrets that used the newest key before this run started
 */
public record KeyRotationReport(int rotated, int alreadyCurrent) {}
