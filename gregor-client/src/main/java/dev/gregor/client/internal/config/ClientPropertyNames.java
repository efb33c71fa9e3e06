package dev.gregor.client.internal.config;

import dev.gregor.client.internal.names.CloseNames;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Checks kafka-clients properties given through the escape hatch: known names, no contradictions. */
public final class ClientPropertyNames {
  private static final Set<String> KNOWN = known();
  private static final java.util.List<String> SASL_MECHANISMS =
      java.util.List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER", "GSSAPI");

  private ClientPropertyNames() {}

  /**
   * Refuses a name no producer, consumer or admin client knows, suggesting the closest one, and a
   * value that a client defining the name would refuse, naming what it allows.
   */
  public static void check(String name, Object value) {
    if (!KNOWN.contains(name)) {
      String closest = CloseNames.nearest(name, KNOWN);
      throw new IllegalArgumentException("unknown kafka-clients property '" + name + "'; did you mean '" + closest + "'?");
    }
    ClientPropertyValues.check(name, value);
  }

  /** Refuses settings that contradict each other, such as idempotence with acks other than all, and unknown SASL mechanisms. */
  public static void checkConsistent(Map<String, Object> properties) {
    Object mechanism = properties.get("sasl.mechanism");
    if (mechanism != null && !SASL_MECHANISMS.contains(mechanism.toString())) {
      throw new IllegalArgumentException("unknown SASL mechanism '" + mechanism + "'; kafka-clients knows " + SASL_MECHANISMS);
    }
    Object acks = properties.get(ProducerConfig.ACKS_CONFIG);
    Object idempotence = properties.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
    if (acks != null && idempotence != null && Boolean.parseBoolean(idempotence.toString())
        && !"all".equals(acks.toString()) && !"-1".equals(acks.toString())) {
      throw new IllegalArgumentException("enable.idempotence=true needs acks=all, but acks=" + acks
          + "; set acks to all or turn idempotence off");
    }
  }

  private static Set<String> known() {
    Set<String> names = new HashSet<>(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    return Set.copyOf(names);
  }
}
