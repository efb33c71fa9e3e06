package dev.gregor.embedded.internal;

import java.util.Comparator;
import java.util.Set;
import kafka.server.KafkaConfig;

/** Checks user-supplied broker properties against the broker's own list, with a suggestion for typos. */
public final class BrokerConfigNames {
  /** Properties that EmbeddedKafka derives from its layout; overriding them would break the cluster. */
  private static final Set<String> MANAGED = Set.of("node.id", "broker.id", "process.roles", "listeners",
      "advertised.listeners", "listener.security.protocol.map", "controller.listener.names",
      "controller.quorum.voters", "controller.quorum.bootstrap.servers", "inter.broker.listener.name", "log.dirs",
      "log.dir", "metadata.log.dir");
  /** Read by Kafka's StandardAuthorizer rather than declared in KafkaConfig, yet needed to turn ACLs on. */
  private static final Set<String> AUTHORIZER = Set.of("super.users", "allow.everyone.if.no.acl.found");

  private BrokerConfigNames() {}

  /** Throws {@link IllegalArgumentException} naming {@code key} if the broker does not know it or Gregor manages it. */
  public static void checkOverridable(String key) {
    if (MANAGED.contains(key)) {
      throw new IllegalArgumentException("broker config '" + key + "' is set by EmbeddedKafka from its node layout "
          + "and cannot be overridden; use the builder's nodes(), port() and listeners() instead");
    }
    if (key.startsWith("listener.name.") || AUTHORIZER.contains(key)) {
      return;
    }
    Set<String> known = KafkaConfig.configDef().names();
    if (!known.contains(key)) {
      String closest = known.stream().min(Comparator.comparingInt(name -> distance(name, key))).orElse("");
      throw new IllegalArgumentException("unknown broker config '" + key + "'; did you mean '" + closest + "'?");
    }
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
