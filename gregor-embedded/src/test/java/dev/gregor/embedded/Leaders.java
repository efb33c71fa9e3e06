package dev.gregor.embedded;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/** Reads partition 0's leader and in-sync replicas, as a client sees them. */
final class Leaders {
  private Leaders() {}

  static TopicPartitionInfo partitionZero(Admin admin, String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().get(0);
  }

  static int leader(Admin admin, String topic) throws Exception {
    Node leader = partitionZero(admin, topic).leader();
    return leader == null || leader.isEmpty() ? -1 : leader.id();
  }

  static Set<Integer> inSyncReplicas(Admin admin, String topic) throws Exception {
    return partitionZero(admin, topic).isr().stream().map(Node::id).collect(Collectors.toSet());
  }
}
