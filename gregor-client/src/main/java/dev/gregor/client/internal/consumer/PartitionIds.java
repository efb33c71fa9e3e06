package dev.gregor.client.internal.consumer;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** Converts between kafka-clients' partition ids and Gregor's public {@link dev.gregor.client.TopicPartition}. */
final class PartitionIds {
  private PartitionIds() {}

  static dev.gregor.client.TopicPartition toPublic(TopicPartition partition) {
    return new dev.gregor.client.TopicPartition(partition.topic(), partition.partition());
  }

  static TopicPartition toKafka(String topic, int partition) {
    return new TopicPartition(topic, partition);
  }

  /** Sorted by topic, then partition, so events read predictably. */
  static List<dev.gregor.client.TopicPartition> publicList(Collection<TopicPartition> partitions) {
    return partitions.stream().map(PartitionIds::toPublic)
        .sorted(Comparator.comparing(dev.gregor.client.TopicPartition::topic)
            .thenComparingInt(dev.gregor.client.TopicPartition::partition))
        .collect(Collectors.toUnmodifiableList());
  }
}
