package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.jdbc.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jspecify.annotations.Nullable;

/**
 * How instants are stored: as UTC wall-clock time without a zone, truncated to microseconds (the
 * finest precision all supported databases keep). Binding a {@link LocalDateTime} in UTC keeps the
 * JVM's default time zone out of it, which {@code setTimestamp} would apply. SQLite has no time
 * type, so there it is fixed-width text, whose text order is time order.
 */
public abstract class TimeCodec {
  private static final DateTimeFormatter SQLITE_TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private TimeCodec() {}

  /** The codec for {@code dialect}. */
  public static TimeCodec forDialect(Dialect dialect) {
    return dialect == Dialect.SQLITE ? new Text() : new WallClock();
  }

  /** Binds {@code value} (or SQL NULL) at {@code position}. */
  abstract void bind(PreparedStatement statement, int position, @Nullable Instant value)
      throws SQLException;

  /** Reads {@code column}; null for SQL NULL. */
  abstract @Nullable Instant read(ResultSet rows, String column) throws SQLException;

  /** A JDBI argument factory binding {@link Instant}s with this codec. */
  ArgumentFactory argumentFactory() {
    TimeCodec codec = this;
    return new AbstractArgumentFactory<Instant>(nullType()) {
      @Override
      protected Argument build(Instant value, ConfigRegistry config) {
        return (position, statement, ctx) -> codec.bind(statement, position, value);
      }
    };
  }

  /** The SQL type bound for a null instant. */
  abstract int nullType();

  private static Instant truncate(Instant value) {
    return value.truncatedTo(ChronoUnit.MICROS);
  }

  private static final class WallClock extends TimeCodec {
    @Override
    int nullType() {
      return Types.TIMESTAMP;
    }

    @Override
    void bind(PreparedStatement statement, int position, @Nullable Instant value)
        throws SQLException {
      if (value == null) {
        statement.setNull(position, Types.TIMESTAMP);
      } else {
        statement.setObject(position, LocalDateTime.ofInstant(truncate(value), ZoneOffset.UTC));
      }
    }

    @Override
    @Nullable Instant read(ResultSet rows, String column) throws SQLException {
      LocalDateTime value = rows.getObject(column, LocalDateTime.class);
      return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
  }

  private static final class Text extends TimeCodec {
    @Override
    int nullType() {
      return Types.VARCHAR;
    }

    @Override
    void bind(PreparedStatement statement, int position, @Nullable Instant value)
        throws SQLException {
      if (value == null) {
        statement.setNull(position, Types.VARCHAR);
      } else {
        statement.setString(
            position, SQLITE_TEXT.format(LocalDateTime.ofInstant(truncate(value), ZoneOffset.UTC)));
      }
    }

    @Override
    @Nullable Instant read(ResultSet rows, String column) throws SQLException {
      String value = rows.getString(column);
      return value == null
          ? null
          : LocalDateTime.parse(value, SQLITE_TEXT).toInstant(ZoneOffset.UTC);
    }
  }
}
