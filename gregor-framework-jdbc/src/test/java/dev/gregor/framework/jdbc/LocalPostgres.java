package dev.gregor.framework.jdbc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL server from Debian's {@code postgresql} package ({@code .ci/run} installs it):
 * initdb into a temporary directory, postgres on a free loopback port. PostgreSQL refuses to run as
 * root, so as root it runs as the package's {@code postgres} user.
 */
final class LocalPostgres implements AutoCloseable {
  private final Path directory;
  private final Process server;
  private final int port;

  private LocalPostgres(Path directory, Process server, int port) {
    this.directory = directory;
    this.server = server;
    this.port = port;
  }

  /** The newest {@code /usr/lib/postgresql/<version>/bin}, if the package is installed. */
  static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.comparing(bin -> bin.getParent().getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static LocalPostgres start(Path bin) throws Exception {
    Path directory = Files.createTempDirectory("gregor-postgres");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      run(List.of("chown", "-R", "postgres", directory.toString()));
    }
    Path data = directory.resolve("data");
    run(as(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "gregor", "--auth=trust", "-E", "UTF8"));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process server = new ProcessBuilder(as(root, bin.resolve("postgres").toString(), "-D", data.toString(),
        "-p", Integer.toString(port), "-k", directory.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"))
        .redirectErrorStream(true).redirectOutput(directory.resolve("server.log").toFile()).start();
    LocalPostgres postgres = new LocalPostgres(directory, server, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Connection connection = postgres.dataSource("postgres").getConnection()) {
        return postgres;
      } catch (SQLException notYet) {
        if (System.nanoTime() > deadline || !server.isAlive()) {
          postgres.close();
          throw new IllegalStateException("PostgreSQL did not start within 30 s; see " + directory.resolve("server.log"),
              notYet);
        }
        Thread.onSpinWait();
      }
    }
  }

  PGSimpleDataSource dataSource(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {"127.0.0.1"});
    dataSource.setPortNumbers(new int[] {port});
    dataSource.setDatabaseName(database);
    dataSource.setUser("gregor");
    return dataSource;
  }

  @Override
  public void close() throws Exception {
    server.destroy(); // SIGTERM: PostgreSQL's smart shutdown, once the tests' connections are closed
    if (!server.waitFor(20, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
    run(List.of("rm", "-rf", directory.toString()));
  }

  private static List<String> as(boolean root, String... command) {
    List<String> all = new ArrayList<>();
    if (root) {
      all.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    all.addAll(List.of(command));
    return all;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }
}
