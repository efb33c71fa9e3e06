package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/** The cluster's root directory: node log dirs, TLS files, and a marker recording the cluster's shape. */
public final class DataDirectory {
  private static final String MARKER = "gregor-cluster.properties";

  private final Path root;
  private final boolean temporary;

  private DataDirectory(Path root, boolean temporary) {
    this.root = root;
    this.temporary = temporary;
  }

  /** Opens {@code dir} (or a new temporary directory when null) and checks that it can be written. */
  public static DataDirectory open(Path dir) {
    Path root = dir;
    try {
      root = dir == null ? Files.createTempDirectory("gregor-kafka-") : Files.createDirectories(dir.toAbsolutePath());
      Path probe = Files.createTempFile(root, ".write-check", "");
      Files.delete(probe);
      return new DataDirectory(root, dir == null);
    } catch (IOException | SecurityException e) {
      throw new EmbeddedKafkaException("The data directory " + (root == null ? "(temporary)" : root)
          + " is not writable: " + e, e);
    }
  }

  public Path root() {
    return root;
  }

  public Path nodeDir(int nodeId) {
    return root.resolve("node-" + nodeId);
  }

  /**
   * The cluster id stored by an earlier run with the same number of nodes, or null for a fresh
   * directory; a directory formatted for another cluster shape is refused.
   */
  public String existingClusterId(int nodes) {
    Path marker = root.resolve(MARKER);
    if (!Files.exists(marker)) {
      return null;
    }
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(marker)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new EmbeddedKafkaException("Could not read " + marker + ": " + e, e);
    }
    int recorded;
    try {
      recorded = Integer.parseInt(properties.getProperty("nodes", ""));
    } catch (NumberFormatException e) {
      throw new EmbeddedKafkaException("The data directory marker " + marker + " is damaged (no valid 'nodes'); "
          + "delete the data directory to start afresh", e);
    }
    if (recorded != nodes) {
      throw new EmbeddedKafkaException("The data directory " + root + " holds a " + recorded + "-node cluster, but "
          + nodes + " nodes were asked for; use another directory or delete this one");
    }
    return properties.getProperty("cluster.id");
  }

  /** Records the cluster id and shape once every node directory is formatted. */
  public void recordCluster(String clusterId, int nodes) {
    Properties properties = new Properties();
    properties.setProperty("cluster.id", clusterId);
    properties.setProperty("nodes", Integer.toString(nodes));
    try (var writer = Files.newBufferedWriter(root.resolve(MARKER))) {
      properties.store(writer, "Gregor embedded Kafka cluster");
    } catch (IOException e) {
      throw new EmbeddedKafkaException("Could not write " + root.resolve(MARKER) + ": " + e, e);
    }
  }

  /** Deletes the directory if it is temporary; a persistent one is kept. */
  public void releaseIfTemporary() {
    if (!temporary || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new EmbeddedKafkaException("Could not delete the temporary data directory " + root + ": " + e, e);
    }
  }
}
