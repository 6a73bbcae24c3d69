package io.github.quotemailer.jdbc.internal.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Instants in a timestamp column without a zone, as UTC wall-clock time: H2, PostgreSQL and
 * MariaDB/MySQL. Binding a {@link LocalDateTime} keeps the JVM's default time zone out of it, which
 * {@code setTimestamp} would apply.
 */
final class UtcWallClock implements InstantCodec {
  @Override
  public int nullType() {
    return Types.TIMESTAMP;
  }

  @Override
  public void bind(PreparedStatement statement, int position, @Nullable Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(position, Types.TIMESTAMP);
    } else {
      statement.setObject(position, InstantCodec.utcWallClock(value));
    }
  }

  @Override
  public @Nullable Instant read(ResultSet rows, String column) throws SQLException {
    LocalDateTime value = rows.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
