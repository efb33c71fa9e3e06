package dev.gregor.client.internal.consumer;

import dev.gregor.client.Message;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What a member's calls from other threads check before they are queued for the polling thread,
 * so a mistake fails its caller at once instead of a queued call failing later into a log line.
 * It reads the assignment as of the last rebalance.
 */
final class AnyThreadChecks {
  /** The thread-safety error's advice: what is safe from other threads, and how to spread the work. */
  static final String CONSUMER_ADVICE = "consume on one thread; from others only stop(), close(), lag(), isPaused(), "
      + "pause, resume, seek, markMessageAsProcessed and commitOffsets are safe. To spread the work, create one "
      + "GroupConsumer per thread in the same group, or hand messages to workers with events(capacity)";

  private final Rebalances rebalances;
  private final String groupId;

  AnyThreadChecks(Rebalances rebalances, String groupId) {
    this.rebalances = rebalances;
    this.groupId = groupId;
  }

  /** The partition, if it was assigned at the last rebalance; pause and seek need that. */
  TopicPartition assigned(String topic, int partition) {
    TopicPartition tp = new TopicPartition(topic, partition);
    Set<TopicPartition> assigned = rebalances.published();
    if (!assigned.contains(tp)) {
      throw PartitionControl.notAssigned(tp, groupId, assigned);
    }
    return tp;
  }

  /**
   * The message's partition, if this member ever had it. A message of a partition revoked since is
   * no mistake: its mark is dropped later, as the partition's new owner reads it again.
   */
  TopicPartition everAssigned(Message message) {
    TopicPartition partition = new TopicPartition(message.topic(), message.partition());
    if (!rebalances.everAssigned(partition)) {
      throw new IllegalStateException("Cannot mark " + message + " as processed: partition " + partition.partition()
          + " of topic '" + partition.topic() + "' was never assigned to this member of group '" + groupId
          + "' (it has " + rebalances.published() + "); mark only messages this consumer handed out");
    }
    return partition;
  }
}
