package dev.gregor.embedded.internal;

import dev.gregor.embedded.Listener;
import dev.gregor.embedded.TlsMaterial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the server.properties of one node: listeners, quorum, security and test-friendly defaults. */
public final class BrokerProperties {
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private BrokerProperties() {}

  /** The complete configuration of {@code node}, with the user's overrides applied last. */
  public static Map<String, String> forNode(ClusterSettings settings, NodeLayout layout, NodeLayout.Node node,
      Path logDir, TlsMaterial tls) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("node.id", Integer.toString(node.id()));
    p.put("process.roles", node.controller() ? "broker,controller" : "broker");
    p.put("controller.quorum.voters", layout.quorumVoters());
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", Listener.PLAINTEXT.listenerName());
    p.put("log.dirs", logDir.toString());

    List<String> listeners = new ArrayList<>();
    List<String> advertised = new ArrayList<>();
    List<String> protocols = new ArrayList<>();
    node.ports().forEach((listener, port) -> {
      listeners.add(listener.listenerName() + "://127.0.0.1:" + port);
      advertised.add(listener.listenerName() + "://localhost:" + port);
      protocols.add(listener.listenerName() + ":" + listener.securityProtocol());
    });
    if (node.controller()) {
      listeners.add(CONTROLLER_LISTENER + "://127.0.0.1:" + node.controllerPort());
    }
    protocols.add(CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("listeners", String.join(",", listeners));
    p.put("advertised.listeners", String.join(",", advertised));
    p.put("listener.security.protocol.map", String.join(",", protocols));

    // Internal topics sized to the cluster, so a 1-node broker works at all.
    String replication = Integer.toString(settings.internalReplication());
    String minIsr = Integer.toString(Math.max(1, settings.internalReplication() - 1));
    p.put("offsets.topic.replication.factor", replication);
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", replication);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", "10");
    p.put("share.coordinator.state.topic.replication.factor", replication);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("share.coordinator.state.topic.num.partitions", "10");
    p.put("default.replication.factor", "1");

    // Fast feedback in development and tests: no initial rebalance delay, quick fencing of dead brokers.
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("broker.heartbeat.interval.ms", "500");
    p.put("broker.session.timeout.ms", "3000");
    p.put("controlled.shutdown.enable", "true");
    p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));

    for (Listener listener : List.of(Listener.SASL_PLAINTEXT, Listener.SASL_SSL)) {
      if (settings.listeners().contains(listener)) {
        SaslServerConfig.apply(p, listener, settings.users());
      }
    }
    if (tls != null) {
      applyTls(p, tls);
    }
    p.putAll(settings.brokerOverrides());
    return p;
  }

  private static void applyTls(Map<String, String> p, TlsMaterial tls) {
    for (Listener listener : List.of(Listener.SSL, Listener.MTLS, Listener.SASL_SSL)) {
      String prefix = "listener.name." + listener.listenerName().toLowerCase() + ".";
      p.put(prefix + "ssl.keystore.type", "PEM");
      p.put(prefix + "ssl.keystore.certificate.chain", tls.brokerCertificatePem());
      p.put(prefix + "ssl.keystore.key", tls.brokerPrivateKeyPem());
      p.put(prefix + "ssl.truststore.type", "PEM");
      p.put(prefix + "ssl.truststore.certificates", tls.caCertificatePem());
      p.put(prefix + "ssl.client.auth", listener == Listener.MTLS ? "required" : "none");
    }
  }
}
