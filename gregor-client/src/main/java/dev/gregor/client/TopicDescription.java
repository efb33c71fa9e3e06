package dev.gregor.client;

import java.util.List;
import java.util.Map;

/**
 * A topic as {@link Topics#describe} finds it: partitions with leaders, replicas and in-sync
 * replicas, every effective config, and the configs set on the topic itself ({@code overrides}).
 * Sensitive config values are left out.
 */
public record TopicDescription(String name, boolean internal, List<TopicMetadata.Partition> partitions,
    Map<String, String> configs, Map<String, String> overrides) {

  /** The number of partitions. */
  public int partitionCount() {
    return partitions.size();
  }
}
