package dev.gregor.client.internal.admin;

import dev.gregor.client.ConfigChanges;
import dev.gregor.client.NewTopic;
import dev.gregor.client.TopicDescription;
import dev.gregor.client.TopicMetadata;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.Node;

/** Topic operations on kafka-clients' {@link Admin}, as unbounded futures that the caller bounds. */
public final class TopicRequests {
  private final Admin admin;

  public TopicRequests(Admin admin) {
    this.admin = admin;
  }

  public CompletableFuture<List<String>> list(boolean includeInternal) {
    return AdminFutures.of(admin.listTopics(new ListTopicsOptions().listInternal(includeInternal)).names())
        .thenApply(names -> names.stream().sorted().collect(Collectors.toList()));
  }

  /** Creates the topic and, unless only validating, completes once every partition has a leader. */
  public CompletableFuture<Void> create(String topic, NewTopic settings, Duration timeout) {
    org.apache.kafka.clients.admin.NewTopic request = new org.apache.kafka.clients.admin.NewTopic(topic,
        Optional.ofNullable(settings.partitions()), Optional.ofNullable(settings.replicationFactor()))
        .configs(settings.configs());
    CompletableFuture<Void> created = AdminFutures.of(admin.createTopics(List.of(request),
        new CreateTopicsOptions().validateOnly(settings.validateOnly())).values().get(topic));
    if (settings.validateOnly()) {
      return created;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    return created.thenCompose(ignored -> LeaderWait.untilLed(() -> describe(topic).thenApply(TopicDescription::partitions),
        deadline));
  }

  public CompletableFuture<TopicDescription> describe(String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    CompletableFuture<org.apache.kafka.clients.admin.TopicDescription> description =
        AdminFutures.of(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
    return description.thenCompose(d -> AdminFutures.of(admin.describeConfigs(List.of(resource)).values().get(resource))
        .thenApply(config -> describe(d, config)));
  }

  public CompletableFuture<Void> createPartitions(String topic, int totalPartitions) {
    return AdminFutures.of(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(totalPartitions))).values().get(topic));
  }

  public CompletableFuture<Void> alterConfigs(String topic, ConfigChanges changes) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Collection<AlterConfigOp> ops = changes.changes().stream()
        .map(c -> new AlterConfigOp(new ConfigEntry(c.name(), c.value()), AlterConfigOp.OpType.valueOf(c.operation().name())))
        .collect(Collectors.toList());
    return AdminFutures.of(admin.incrementalAlterConfigs(Map.of(resource, ops)).values().get(resource));
  }

  public CompletableFuture<Void> delete(String topic) {
    return AdminFutures.of(admin.deleteTopics(List.of(topic)).topicNameValues().get(topic));
  }

  private static TopicDescription describe(org.apache.kafka.clients.admin.TopicDescription d, Config config) {
    List<TopicMetadata.Partition> partitions = d.partitions().stream()
        .map(p -> new TopicMetadata.Partition(p.partition(), p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id(),
            ids(p.replicas()), ids(p.isr())))
        .collect(Collectors.toList());
    Map<String, String> all = new TreeMap<>();
    Map<String, String> overrides = new TreeMap<>();
    for (ConfigEntry entry : config.entries()) {
      if (entry.isSensitive() || entry.value() == null) {
        continue;
      }
      all.put(entry.name(), entry.value());
      if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
        overrides.put(entry.name(), entry.value());
      }
    }
    return new TopicDescription(d.name(), d.isInternal(), List.copyOf(partitions), Map.copyOf(all), Map.copyOf(overrides));
  }

  private static List<Integer> ids(List<Node> nodes) {
    return nodes.stream().map(Node::id).collect(Collectors.toList());
  }
}
