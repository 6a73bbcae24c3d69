package io.github.quotemailer.jdbc;

import io.github.quotemailer.jdbc.internal.DriverManagerDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.tools.Server;

/** Test databases that need no server: embedded H2, H2 in server mode, and SQLite files. */
final class EmbeddedDatabases {
  private EmbeddedDatabases() {}

  /** A fresh in-memory H2 database, open in this JVM only. */
  static TestDatabase h2() {
    return h2At("jdbc:h2:mem:qm_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null);
  }

  /**
   * A fresh in-memory H2 database behind an H2 TCP server on a free loopback port, so other JVMs
   * can open it too; {@link TestDatabase#drop()} stops the server.
   */
  static TestDatabase h2Server() throws Exception {
    Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    String url =
        "jdbc:h2:tcp://127.0.0.1:"
            + server.getPort()
            + "/mem:qm_"
            + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1";
    return h2At(url, server);
  }

  private static TestDatabase h2At(String url, Server server) {
    return new TestDatabase() {
      @Override
      public DataSource newDataSource() {
        return new DriverManagerDataSource(url, "sa", "");
      }

      @Override
      public String jdbcUrl() {
        return url;
      }

      @Override
      public void drop() throws Exception {
        Tables.execute(newDataSource(), "shutdown");
        if (server != null) {
          server.stop();
        }
      }
    };
  }

  /** A fresh SQLite database file in a temporary folder. */
  static TestDatabase sqlite() throws Exception {
    Path dir = Files.createTempDirectory("qm-sqlite");
    String url = "jdbc:sqlite:" + dir.resolve("qm.db").toAbsolutePath();
    return new TestDatabase() {
      @Override
      public DataSource newDataSource() {
        return new DriverManagerDataSource(url, null, null);
      }

      @Override
      public String jdbcUrl() {
        return url;
      }

      @Override
      public void drop() throws Exception {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(dir);
      }
    };
  }
}
