package dev.gregor.framework.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every scenario of {@link JdbcOffsetStoreTest} against a real PostgreSQL server, a new database each. */
class PostgresOffsetStoreTest extends JdbcOffsetStoreTest {
  private static LocalPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    Path bin = LocalPostgres.binaries().orElse(null);
    assumeTrue(bin != null, "PostgreSQL is not installed (Debian package 'postgresql', which .ci/run installs): "
        + "the PostgreSQL runs of the offset-store tests are skipped");
    postgres = LocalPostgres.start(bin);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  DataSource database() {
    String name = "db_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection admin = postgres.dataSource("postgres").getConnection(); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return withPayments(postgres.dataSource(name));
  }
}
