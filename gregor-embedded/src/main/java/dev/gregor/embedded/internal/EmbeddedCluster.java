package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import dev.gregor.embedded.Listener;
import dev.gregor.embedded.ProcessMode;
import dev.gregor.embedded.TlsMaterial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.IntSupplier;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The nodes of one embedded cluster and their lifecycle: format, start together, stop, kill, restart. */
public final class EmbeddedCluster {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);
  private static final int PORT_ATTEMPTS = 3;

  private final ClusterSettings settings;
  private final DataDirectory data;
  private final NodeLayout layout;
  private final TlsMaterial tls;
  private final String clusterId;
  private final Map<Integer, NodeProcess> nodes = new TreeMap<>();
  private boolean closed;

  private EmbeddedCluster(ClusterSettings settings, DataDirectory data, NodeLayout layout, TlsMaterial tls,
      String clusterId) {
    this.settings = settings;
    this.data = data;
    this.layout = layout;
    this.tls = tls;
    this.clusterId = clusterId;
  }

  /** Formats storage if needed, starts every node at once (a controller quorum needs its peers) and waits for all brokers. */
  public static EmbeddedCluster start(ClusterSettings settings) {
    return start(settings, NodeLayout::freePort);
  }

  /**
   * {@link #start(ClusterSettings)} with free ports from {@code freePorts}. Kafka's controllers
   * must know each other's ports before they start, so ports are chosen, released and then bound;
   * when another process takes one in between, the start is tried again on fresh ports.
   */
  static EmbeddedCluster start(ClusterSettings settings, IntSupplier freePorts) {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(settings, freePorts);
      } catch (RuntimeException e) {
        if (attempt >= PORT_ATTEMPTS || !PortTaken.causedBy(e)) {
          throw e;
        }
        LOG.info("A port chosen for the embedded cluster was taken before it could be bound; starting again on other "
            + "ports (attempt {} of {})", attempt + 1, PORT_ATTEMPTS);
      }
    }
  }

  private static EmbeddedCluster startOnce(ClusterSettings settings, IntSupplier freePorts) {
    DataDirectory data = DataDirectory.open(settings.dataDir());
    EmbeddedCluster cluster = null;
    try {
      NodeLayout layout = NodeLayout.allocate(settings, freePorts);
      boolean tlsNeeded = settings.listeners().contains(Listener.SSL) || settings.listeners().contains(Listener.MTLS)
          || settings.listeners().contains(Listener.SASL_SSL);
      TlsMaterial tls = tlsNeeded ? CertificateGenerator.generate(data.root().resolve("tls")) : null;
      String existing = data.existingClusterId(settings.nodes());
      String clusterId = existing != null ? existing : Uuid.randomUuid().toString();
      cluster = new EmbeddedCluster(settings, data, layout, tls, clusterId);
      if (existing == null) {
        cluster.format();
      }
      cluster.createNodes();
      cluster.startNodes(cluster.nodeIds());
      return cluster;
    } catch (RuntimeException e) {
      if (cluster != null) {
        cluster.closeQuietly(e);
      } else {
        data.releaseIfTemporary();
      }
      throw e;
    }
  }

  private void format() {
    for (NodeLayout.Node node : layout.nodes()) {
      if (StorageFormatter.isFormatted(logDir(node.id()))) {
        throw new EmbeddedKafkaException("The data directory " + data.root() + " holds formatted node directories but "
            + "no cluster marker (an earlier start failed half-way); delete it to start afresh");
      }
    }
    List<String> scram = SaslServerConfig.scramArguments(settings.users());
    for (NodeLayout.Node node : layout.nodes()) {
      StorageFormatter.format(logDir(node.id()), node.id(), clusterId, scram);
    }
    data.recordCluster(clusterId, settings.nodes());
  }

  private void createNodes() {
    for (NodeLayout.Node node : layout.nodes()) {
      Map<String, String> config = BrokerProperties.forNode(settings, layout, node, logDir(node.id()), tls);
      nodes.put(node.id(), settings.mode() == ProcessMode.CHILD_JVM
          ? new ChildJvmNode(node.id(), config, data.nodeDir(node.id()), settings.startTimeout(), settings.childJvmOptions())
          : new InProcessNode(node.id(), config));
    }
  }

  private Path logDir(int nodeId) {
    return data.nodeDir(nodeId).resolve("logs");
  }

  private void startNodes(List<Integer> ids) {
    Parallel.run("start node", ids, id -> nodes.get(id).start(), settings.startTimeout());
    ClusterReadiness.awaitBrokers(layout.bootstrapServers(Listener.PLAINTEXT), runningNodeIds(), settings.startTimeout());
  }

  public synchronized void stop(int id) {
    NodeProcess node = node(id);
    node.stopBroker(controlledShutdownTimeout());
    node.stop();
  }

  public synchronized void kill(int id) {
    node(id).kill();
  }

  public synchronized void restart(int id) {
    NodeProcess node = node(id);
    if (node.isRunning()) {
      stop(id);
    }
    startNodes(List.of(id));
  }

  public synchronized boolean isRunning(int id) {
    return node(id).isRunning();
  }

  public List<Integer> nodeIds() {
    return layout.nodes().stream().map(NodeLayout.Node::id).collect(Collectors.toList());
  }

  private Set<Integer> runningNodeIds() {
    return nodes.entrySet().stream().filter(e -> e.getValue().isRunning()).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  public void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
    TopicCreator.create(layout.bootstrapServers(Listener.PLAINTEXT), name, partitions, replicationFactor, configs,
        settings.startTimeout());
  }

  public NodeLayout layout() {
    return layout;
  }

  public TlsMaterial tls() {
    return tls;
  }

  public String clusterId() {
    return clusterId;
  }

  public Path dataDir() {
    return data.root();
  }

  /**
   * Stops every broker before any controller, so each controlled shutdown finds a quorum to
   * approve it, then stops the rest of every node.
   */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      List<Integer> ids = new ArrayList<>(nodes.keySet());
      Duration controlledShutdownTimeout = controlledShutdownTimeout();
      Parallel.run("stop broker", ids, id -> nodes.get(id).stopBroker(controlledShutdownTimeout),
          controlledShutdownTimeout.plus(settings.startTimeout()));
      Parallel.run("stop node", ids, id -> nodes.get(id).stop(), settings.startTimeout());
    } finally {
      data.releaseIfTemporary();
    }
  }

  private void closeQuietly(RuntimeException cause) {
    try {
      close();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * A controlled shutdown needs a controller quorum to approve it; without a majority of the
   * controllers running it can never be approved, so brokers then stop at once, uncleanly.
   */
  private Duration controlledShutdownTimeout() {
    long runningControllers = layout.nodes().stream()
        .filter(n -> n.controller() && nodes.get(n.id()).isRunning()).count();
    boolean quorum = runningControllers >= settings.controllerCount() / 2 + 1;
    return quorum ? settings.startTimeout() : Duration.ZERO;
  }

  private NodeProcess node(int id) {
    if (closed) {
      throw new IllegalStateException("the embedded cluster is closed");
    }
    layout.node(id); // validates the id with a clear message
    return nodes.get(id);
  }
}
