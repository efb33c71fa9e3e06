package dev.gregor.embedded;

import dev.gregor.embedded.internal.ClusterSettings;
import dev.gregor.embedded.internal.EmbeddedCluster;
import dev.gregor.embedded.internal.SaslServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real Apache Kafka broker (KRaft) or cluster for development and tests, started in this JVM
 * or in child JVMs, with no Docker.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().nodes(3).start()) {
 *   kafka.createTopic("orders", 6, 3);
 *   Map<String, Object> config = kafka.clientConfig(); // bootstrap.servers and security
 *   kafka.kill(2);                                      // with ProcessMode.CHILD_JVM
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {
  private final ClusterSettings settings;
  private final EmbeddedCluster cluster;

  EmbeddedKafka(ClusterSettings settings) {
    this.settings = settings;
    this.cluster = EmbeddedCluster.start(settings);
  }

  /** Starts configuring a cluster; {@code EmbeddedKafka.builder().start()} gives one node on free ports. */
  public static EmbeddedKafkaBuilder builder() {
    return new EmbeddedKafkaBuilder();
  }

  /** {@code localhost:port,...} of the PLAINTEXT listener of every node. */
  public String bootstrapServers() {
    return bootstrapServers(Listener.PLAINTEXT);
  }

  /** {@code localhost:port,...} of {@code listener} on every node. */
  public String bootstrapServers(Listener listener) {
    requireListener(listener);
    return cluster.layout().bootstrapServers(listener);
  }

  /** kafka-clients settings for the PLAINTEXT listener. */
  public Map<String, Object> clientConfig() {
    return clientConfig(Listener.PLAINTEXT);
  }

  /**
   * Ready kafka-clients settings for {@code listener}: bootstrap servers, security protocol, the CA
   * for SSL, the client certificate for MTLS, and SASL PLAIN with the first declared user (over TLS for SASL_SSL).
   */
  public Map<String, Object> clientConfig(Listener listener) {
    requireListener(listener);
    if (listener == Listener.SASL_PLAINTEXT) {
      return clientConfig(SaslMechanism.PLAIN, settings.users().keySet().iterator().next());
    }
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers(listener));
    config.put("security.protocol", listener.securityProtocol());
    if (listener == Listener.SSL || listener == Listener.MTLS || listener == Listener.SASL_SSL) {
      config.putAll(tls().clientConfig(listener == Listener.MTLS));
    }
    if (listener == Listener.SASL_SSL) {
      String user = settings.users().keySet().iterator().next();
      config.put("sasl.mechanism", SaslMechanism.PLAIN.mechanismName());
      config.put("sasl.jaas.config", SaslServerConfig.clientJaasConfig(SaslMechanism.PLAIN, user, settings.users().get(user)));
    }
    return config;
  }

  /** Settings for the SASL_PLAINTEXT listener as {@code user} with {@code mechanism}. */
  public Map<String, Object> clientConfig(SaslMechanism mechanism, String user) {
    requireListener(Listener.SASL_PLAINTEXT);
    String password = settings.users().get(user);
    if (password == null && mechanism != SaslMechanism.OAUTHBEARER) {
      throw new IllegalArgumentException("no SASL user '" + user + "' was declared; declared: " + settings.users().keySet());
    }
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers(Listener.SASL_PLAINTEXT));
    config.put("security.protocol", Listener.SASL_PLAINTEXT.securityProtocol());
    config.put("sasl.mechanism", mechanism.mechanismName());
    config.put("sasl.jaas.config", SaslServerConfig.clientJaasConfig(mechanism, user, password));
    return config;
  }

  /** The certificates generated for the SSL and MTLS listeners. */
  public TlsMaterial tls() {
    if (cluster.tls() == null) {
      throw new IllegalStateException("no TLS material: start the cluster with listeners(Listener.SSL) or listeners(Listener.MTLS)");
    }
    return cluster.tls();
  }

  /** Creates a topic and waits until every partition has a leader. */
  public void createTopic(String name, int partitions, int replicationFactor) {
    createTopic(name, partitions, replicationFactor, Map.of());
  }

  /** Creates a topic with topic-level configs (for example {@code min.insync.replicas}) and waits for its leaders. */
  public void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
    cluster.createTopic(name, partitions, replicationFactor, configs);
  }

  /** A new admin client for the PLAINTEXT listener; the caller closes it. */
  public Admin admin() {
    return Admin.create(clientConfig());
  }

  /** Shuts node {@code node} (1-based) down cleanly; {@link #restart(int)} brings it back on the same ports. */
  public void stop(int node) {
    cluster.stop(node);
  }

  /** Kills node {@code node} with SIGKILL; needs {@link ProcessMode#CHILD_JVM}. */
  public void kill(int node) {
    cluster.kill(node);
  }

  /** Starts a stopped or killed node again (stopping it first if it runs) and waits until it is registered. */
  public void restart(int node) {
    cluster.restart(node);
  }

  /** Whether node {@code node} is running. */
  public boolean isRunning(int node) {
    return cluster.isRunning(node);
  }

  /** The ids of the nodes, 1 to {@link #nodeCount()}. */
  public List<Integer> nodeIds() {
    return cluster.nodeIds();
  }

  /** How many nodes the cluster has, running or not. */
  public int nodeCount() {
    return settings.nodes();
  }

  /** Whether the nodes run in this JVM or in child JVMs. */
  public ProcessMode mode() {
    return settings.mode();
  }

  /** The cluster id the storage was formatted with (kept across runs in a persistent data directory). */
  public String clusterId() {
    return cluster.clusterId();
  }

  /** Where the nodes keep their logs (a temporary directory unless one was given). */
  public Path dataDir() {
    return cluster.dataDir();
  }

  /** Stops every node, releases every port and thread, and deletes a temporary data directory. */
  @Override
  public void close() {
    cluster.close();
  }

  private void requireListener(Listener listener) {
    if (!settings.listeners().contains(listener)) {
      throw new IllegalArgumentException("listener " + listener + " is not open; open it with builder().listeners("
          + "Listener." + listener + ")");
    }
  }

  @Override
  public String toString() {
    return "EmbeddedKafka{nodes=" + settings.nodes() + ", mode=" + settings.mode() + ", bootstrap="
        + bootstrapServers() + "}";
  }
}
