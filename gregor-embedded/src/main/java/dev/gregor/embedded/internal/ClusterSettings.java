package dev.gregor.embedded.internal;

import dev.gregor.embedded.Listener;
import dev.gregor.embedded.ProcessMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated settings of an embedded cluster, as the public builder hands them over.
 *
 * @param basePort the first node's PLAINTEXT port, or 0 to pick free ports
 * @param dataDir a persistent data directory, or {@code null} for a temporary one deleted on close
 * @param users SASL users and their passwords, in declaration order
 */
public record ClusterSettings(
    int nodes,
    int basePort,
    Set<Listener> listeners,
    Map<String, String> users,
    Map<String, String> brokerOverrides,
    Path dataDir,
    ProcessMode mode,
    Duration startTimeout,
    List<String> childJvmOptions) {

  /** Nodes 1..3 are combined broker+controller nodes, the rest brokers only. */
  public static final int MAX_CONTROLLERS = 3;

  public int controllerCount() {
    return Math.min(nodes, MAX_CONTROLLERS);
  }

  /** Replication for Kafka's internal topics: as high as the cluster allows, at most 3. */
  public int internalReplication() {
    return Math.min(nodes, 3);
  }
}
