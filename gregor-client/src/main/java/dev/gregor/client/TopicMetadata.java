package dev.gregor.client;

import java.util.List;

/** A topic's partitions as the cluster reports them. */
public record TopicMetadata(String name, List<Partition> partitions) {

  /**
   * One partition: its leader (-1 when it has none), replicas and in-sync replicas, as broker ids.
   */
  public record Partition(int partition, int leader, List<Integer> replicas, List<Integer> inSyncReplicas) {}
}
