package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.jdbc.Dialect;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Builds the {@link Jdbi} the stores share. */
public final class Jdbis {
  private Jdbis() {}

  /**
   * A {@link Jdbi} on {@code dataSource} with SqlObject, the row mappers and {@code dialect}'s time
   * codec. Exception messages leave bound values out ({@code MessageRendering.NONE}): a bound value
   * may be an encrypted secret, which has no place in a log either.
   */
  public static Jdbi create(DataSource dataSource, Dialect dialect) {
    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    RowMappers.register(jdbi, TimeCodec.forDialect(dialect));
    return jdbi;
  }
}
