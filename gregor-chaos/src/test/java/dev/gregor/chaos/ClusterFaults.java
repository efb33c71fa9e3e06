package dev.gregor.chaos;

import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/** Finds the node to hurt in an embedded cluster, and waits until it has healed. */
final class ClusterFaults {
  private ClusterFaults() {}

  /** Which node a fault hits, and how. */
  enum Fault {
    KILL_LEADER("leader SIGKILL"), STOP_LEADER("leader clean shutdown"), KILL_CONTROLLER("controller SIGKILL");

    final String description;

    Fault(String description) {
      this.description = description;
    }

    /** Hurts the chosen node and returns its id. */
    int apply(EmbeddedKafka cluster, Admin admin, String topic) throws Exception {
      int node = this == KILL_CONTROLLER ? controller(admin) : leader(admin, topic, 0);
      if (this == STOP_LEADER) {
        cluster.stop(node);
      } else {
        cluster.kill(node);
      }
      return node;
    }
  }

  static int leader(Admin admin, String topic, int partition) throws Exception {
    return describe(admin, topic).partitions().get(partition).leader().id();
  }

  /** The active KRaft controller: the metadata quorum's leader. */
  static int controller(Admin admin) throws Exception {
    return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
  }

  /** Waits until every partition of the topics has all its replicas in sync and a leader again. */
  static void awaitHealed(Admin admin, List<String> topics) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
      for (String topic : topics) {
        for (TopicPartitionInfo partition : describe(admin, topic).partitions()) {
          if (partition.leader() == null || partition.isr().size() < partition.replicas().size()) {
            return false;
          }
        }
      }
      return true;
    });
  }

  private static TopicDescription describe(Admin admin, String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
  }
}
