package dev.gregor.client.internal.admin;

import dev.gregor.client.ClusterMetadata;
import dev.gregor.client.ConfigValue;
import dev.gregor.client.UnknownBroker;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** A broker's configs on kafka-clients' {@link Admin}, after checking the broker is in the cluster. */
public final class BrokerConfigRequests {
  private final Admin admin;

  public BrokerConfigRequests(Admin admin) {
    this.admin = admin;
  }

  /** Every config of broker {@code brokerId} by name, sorted; {@link UnknownBroker} naming the known ids if none has it. */
  public CompletableFuture<Map<String, ConfigValue>> configs(int brokerId) {
    // Asked for an id it does not have, the cluster answers with a timeout or a vague error: check first.
    return new ClusterRequests(admin).describe().thenCompose(cluster -> {
      List<Integer> ids = cluster.brokers().stream().map(ClusterMetadata.Broker::id).sorted().toList();
      if (!ids.contains(brokerId)) {
        return CompletableFuture.failedFuture(new UnknownBroker(brokerId, ids, "Broker " + brokerId
            + " is not in the cluster; its brokers are " + ids, null));
      }
      ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(brokerId));
      return AdminFutures.of(admin.describeConfigs(List.of(resource)).values().get(resource)).thenApply(config -> {
        Map<String, ConfigValue> configs = new TreeMap<>();
        config.entries().forEach(entry -> configs.put(entry.name(), value(entry)));
        return Collections.unmodifiableMap(configs);
      });
    });
  }

  private static ConfigValue value(ConfigEntry entry) {
    ConfigValue.Source source = switch (entry.source()) {
      case DYNAMIC_BROKER_CONFIG -> ConfigValue.Source.DYNAMIC_BROKER;
      case DYNAMIC_DEFAULT_BROKER_CONFIG -> ConfigValue.Source.DYNAMIC_CLUSTER_DEFAULT;
      case STATIC_BROKER_CONFIG -> ConfigValue.Source.STATIC_BROKER;
      case DEFAULT_CONFIG -> ConfigValue.Source.DEFAULT;
      default -> ConfigValue.Source.OTHER;
    };
    return new ConfigValue(entry.name(), entry.isSensitive() ? null : entry.value(), source,
        entry.isDefault(), entry.isSensitive(), entry.isReadOnly());
  }
}
