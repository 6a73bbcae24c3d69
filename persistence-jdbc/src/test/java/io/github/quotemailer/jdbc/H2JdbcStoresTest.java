package io.github.quotemailer.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.StorageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link JdbcStoresContract} on embedded H2, one in-memory database per test. */
class H2JdbcStoresTest extends JdbcStoresContract {
  @Override
  TestDatabase openDatabase() {
    return EmbeddedDatabases.h2();
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.H2;
  }

  @Test
  void aReadOnlyDatabaseRaisesAStorageExceptionNamingTheOperation(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("qm").toAbsolutePath();
    JdbcStores writable = JdbcStores.create(url, "sa", "");
    writable.migrate();
    writable.userSettings().save(settings("juan", "juan@inair.example", "Plain-Juan-Pw"));

    JdbcStores readOnly = JdbcStores.create(url + ";ACCESS_MODE_DATA=r", "sa", "");

    assertThat(readOnly.userSettings().find("juan")).isPresent();
    assertThatThrownBy(
            () ->
                readOnly
                    .userSettings()
                    .save(settings("juan", "juan@inair.example", "Plain-Juan-Pw-2")))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("saving SMTP settings of user 'juan' failed: ")
        .hasMessageContainingAll("read only")
        .hasMessageNotContaining("Plain-Juan-Pw");
  }
}
