package io.github.quotemailer.jdbc.internal;

import io.github.quotemailer.jdbc.internal.dialect.SqlDialect;
import java.sql.Connection;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Builds the {@link Jdbi}s the stores use. */
public final class Jdbis {
  private Jdbis() {}

  /**
   * A {@link Jdbi} on {@code dataSource} with SqlObject, the row mappers and {@code dialect}'s
   * instant codec. Exception messages leave bound values out ({@code MessageRendering.NONE}): a
   * bound value may be an encrypted secret, which has no place in a log either.
   */
  public static Jdbi create(DataSource dataSource, SqlDialect dialect) {
    return configure(Jdbi.create(dataSource), dialect);
  }

  /**
   * A {@link Jdbi} whose handles all use the host's {@code connection}, configured as {@link
   * #create}. Closing such a handle neither closes the connection nor commits or rolls back its
   * transaction ({@code forceEndTransactions} off): both stay the host's to decide.
   */
  public static Jdbi onHostConnection(Connection connection, SqlDialect dialect) {
    Jdbi jdbi = configure(Jdbi.create(connection), dialect);
    jdbi.getConfig(Handles.class).setForceEndTransactions(false);
    return jdbi;
  }

  private static Jdbi configure(Jdbi jdbi, SqlDialect dialect) {
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    RowMappers.register(jdbi, dialect.instants());
    return jdbi;
  }
}
