package dev.gregor.embedded;

import dev.gregor.embedded.internal.BrokerConfigNames;
import dev.gregor.embedded.internal.ClusterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Configures and starts an {@link EmbeddedKafka}. Every setting is checked here, so a mistake
 * fails at {@link #start()} with a message naming it, before any broker runs.
 */
public final class EmbeddedKafkaBuilder {
  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final int MAX_NODES = 9;

  private int nodes = 1;
  private int port;
  private final Set<Listener> listeners = EnumSet.of(Listener.PLAINTEXT);
  private final Map<String, String> users = new LinkedHashMap<>();
  private final Map<String, String> brokerConfig = new LinkedHashMap<>();
  private @Nullable Path dataDir;
  private ProcessMode mode = ProcessMode.IN_PROCESS;
  private Duration startTimeout = Duration.ofSeconds(60);
  private final List<String> childJvmOptions = new ArrayList<>(
      List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

  EmbeddedKafkaBuilder() {}

  /** Number of nodes: 1 is a combined broker+controller; with more, nodes 1–3 are combined and the rest brokers. */
  public EmbeddedKafkaBuilder nodes(int nodes) {
    this.nodes = nodes;
    return this;
  }

  /** The PLAINTEXT port of node 1 (node N gets port + N − 1); 0, the default, picks free ports. */
  public EmbeddedKafkaBuilder port(int port) {
    this.port = port;
    return this;
  }

  /** Opens these listeners in addition to PLAINTEXT, which is always open. */
  public EmbeddedKafkaBuilder listeners(Listener... listeners) {
    for (Listener listener : listeners) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
    }
    return this;
  }

  /** Declares a SASL user, accepted with PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
  public EmbeddedKafkaBuilder user(String name, String password) {
    users.put(Objects.requireNonNull(name, "user name"), Objects.requireNonNull(password, "password of " + name));
    return this;
  }

  /** Sets a broker configuration property on every node, applied after Gregor's defaults. */
  public EmbeddedKafkaBuilder brokerConfig(String key, String value) {
    brokerConfig.put(Objects.requireNonNull(key, "broker config key"), Objects.requireNonNull(value, "value of " + key));
    return this;
  }

  /** Keeps data in this directory across runs instead of a temporary one deleted on close. */
  public EmbeddedKafkaBuilder dataDir(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    return this;
  }

  /** Runs nodes in this JVM (default) or each in a child JVM. */
  public EmbeddedKafkaBuilder mode(ProcessMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** How long start and restart may take before they fail (default 60 s). */
  public EmbeddedKafkaBuilder startTimeout(Duration startTimeout) {
    this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    return this;
  }

  /** Replaces the JVM options of child-JVM nodes (default {@code -Xmx512m} and fast-start flags). */
  public EmbeddedKafkaBuilder childJvmOptions(String... options) {
    childJvmOptions.clear();
    childJvmOptions.addAll(List.of(options));
    return this;
  }

  /** Validates the settings, starts every node and returns once all brokers are up. */
  public EmbeddedKafka start() {
    return new EmbeddedKafka(settings());
  }

  ClusterSettings settings() {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException("nodes must be between 1 and " + MAX_NODES + ", was " + nodes);
    }
    if (port < 0 || port + nodes - 1 > 65535) {
      throw new IllegalArgumentException("port must be 0 (free ports) or leave room for " + nodes
          + " consecutive ports up to 65535, was " + port);
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
    }
    users.forEach(EmbeddedKafkaBuilder::checkUser);
    for (Listener sasl : List.of(Listener.SASL_PLAINTEXT, Listener.SASL_SSL)) {
      if (listeners.contains(sasl) && users.isEmpty()) {
        throw new IllegalArgumentException("the " + sasl + " listener needs at least one user: call user(name, password)");
      }
    }
    brokerConfig.keySet().forEach(BrokerConfigNames::checkOverridable);
    return new ClusterSettings(nodes, port, EnumSet.copyOf(listeners), Collections.unmodifiableMap(new LinkedHashMap<>(users)),
        Map.copyOf(brokerConfig), dataDir, mode, startTimeout, List.copyOf(childJvmOptions));
  }

  private static void checkUser(String name, String password) {
    if (!USER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("SASL user name '" + name + "' may only contain letters, digits, '.', '_' and '-'");
    }
    if (password.isEmpty() || password.contains("\"") || password.contains("\\")) {
      throw new IllegalArgumentException("the password of SASL user '" + name
          + "' must be non-empty and contain no '\"' or '\\'");
    }
  }
}
