package dev.gregor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Where {@code gregor dev} keeps its data, and how {@code --fresh} empties it without deleting anything else. */
final class DevDataDirectory {
  /** Written by gregor-embedded into every data directory it formats. */
  private static final String CLUSTER_MARKER = "gregor-cluster.properties";
  /** Where the dev data directories live instead of ~/.gregor. */
  static final String HOME_VARIABLE = "GREGOR_HOME";

  private DevDataDirectory() {}

  /**
   * The directory given, with a leading {@code ~} expanded (picocli does not, and a quoted path
   * escapes the shell), or one per cluster shape under {@code $GREGOR_HOME} (default
   * {@code ~/.gregor}), because a directory formatted for one node count cannot serve another.
   */
  static Path resolve(Path given, int nodes) {
    return resolve(given, nodes, System.getenv());
  }

  /**
   * As {@link #resolve(Path, int)} with these environment variables. The home directory is
   * {@code $HOME}, as the shell sees it, and Java's {@code user.home} (the password database's
   * entry, which containers and CI often leave unchanged when they set HOME) only without it.
   */
  static Path resolve(Path given, int nodes, Map<String, String> env) {
    Path home = set(env.get("HOME")) ? Path.of(env.get("HOME")) : Path.of(System.getProperty("user.home"));
    if (given == null) {
      Path gregorHome = set(env.get(HOME_VARIABLE)) ? Path.of(env.get(HOME_VARIABLE)) : home.resolve(".gregor");
      return gregorHome.resolve(nodes == 1 ? "dev" : "dev-" + nodes + "nodes").toAbsolutePath().normalize();
    }
    if (given.getNameCount() > 0 && given.getName(0).toString().equals("~") && !given.isAbsolute()) {
      Path rest = given.getNameCount() == 1 ? Path.of("") : given.subpath(1, given.getNameCount());
      return home.resolve(rest).toAbsolutePath().normalize();
    }
    return given.toAbsolutePath().normalize();
  }

  private static boolean set(String value) {
    return value != null && !value.isBlank();
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
