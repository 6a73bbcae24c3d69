package io.github.quotemailer.jdbc.internal.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jspecify.annotations.Nullable;

/**
 * How one database stores instants: always as UTC, truncated to microseconds (the finest precision
 * every supported database keeps), so a value reads back equal on all of them. Each {@link
 * SqlDialect} says which codec it uses.
 */
public interface InstantCodec {
  /** Binds {@code value} (or SQL NULL) at {@code position}. */
  void bind(PreparedStatement statement, int position, @Nullable Instant value) throws SQLException;

  /** Reads {@code column}; null for SQL NULL. */
  @Nullable Instant read(ResultSet rows, String column) throws SQLException;

  /** The SQL type a null instant is bound as. */
  int nullType();

  /** A JDBI argument factory binding every {@link Instant} with this codec. */
  default ArgumentFactory argumentFactory() {
    InstantCodec codec = this;
    return new AbstractArgumentFactory<Instant>(nullType()) {
      @Override
      protected Argument build(Instant value, ConfigRegistry config) {
        return (position, statement, ctx) -> codec.bind(statement, position, value);
      }
    };
  }

  /** {@code value} as UTC wall-clock time, to the microsecond: what every codec stores. */
  static LocalDateTime utcWallClock(Instant value) {
    return LocalDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
