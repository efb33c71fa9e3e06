package dev.gregor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where {@code gregor dev} keeps its data, and how {@code --fresh} empties it without deleting anything else. */
final class DevDataDirectory {
  /** Written by gregor-embedded into every data directory it formats. */
  private static final String CLUSTER_MARKER = "gregor-cluster.properties";

  private DevDataDirectory() {}

  /**
   * The directory given, with a leading {@code ~} expanded (picocli does not, and a quoted path
   * escapes the shell), or one per cluster shape under {@code ~/.gregor}, because a directory
   * formatted for one node count cannot serve another.
   */
  static Path resolve(Path given, int nodes) {
    Path home = Path.of(System.getProperty("user.home"));
    if (given == null) {
      return home.resolve(".gregor").resolve(nodes == 1 ? "dev" : "dev-" + nodes + "nodes");
    }
    if (given.getNameCount() > 0 && given.getName(0).toString().equals("~") && !given.isAbsolute()) {
      Path rest = given.getNameCount() == 1 ? Path.of("") : given.subpath(1, given.getNameCount());
      return home.resolve(rest).normalize();
    }
    return given.toAbsolutePath().normalize();
  }

  /**
   * Deletes {@code dir} for {@code --fresh}; refuses a non-empty directory that Gregor did not
   * create, so that a mistyped {@code --data-dir} cannot wipe a home or project directory.
   */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--fresh: " + dir + " is not a directory");
    }
    if (!Files.exists(dir.resolve(CLUSTER_MARKER)) && !isEmpty(dir)) {
      throw new IllegalArgumentException("--fresh will not delete " + dir + ": it is not a Gregor data directory (no "
          + CLUSTER_MARKER + "); delete it yourself or choose another --data-dir");
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(DevDataDirectory::deleteOne);
    } catch (IOException e) {
      throw new UncheckedIOException("--fresh could not delete " + dir + ": " + e, e);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("--fresh could not read " + dir + ": " + e, e);
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException("--fresh could not delete " + path + ": " + e, e);
    }
  }
}
