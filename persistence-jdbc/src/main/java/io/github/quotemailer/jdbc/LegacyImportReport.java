package io.github.quotemailer.jdbc;

import java.util.List;

/**
 * What {@link JdbcStores#importLegacy} did.
 *
 * @param imported rows turned into new encrypted settings by this run
 * @param skipped rows without both SMTP columns set, and rows whose user already had settings
 * @param invalid rows that could not become settings (bad address, over-long value, ...)
 * @param problems one line per invalid row, naming the row id, the column and a fixed description
 *     (e.g. {@code users row id=7: email_smtp is not a valid email address}); never a value of the
 *     row other than its id
 */
public record LegacyImportReport(int imported, int skipped, int invalid, List<String> problems) {
  /** Copies the problem list. */
  public LegacyImportReport {
    problems = List.copyOf(problems);
  }
}
