package dev.gregor.client.internal;

import dev.gregor.client.Consume;
import dev.gregor.client.Offset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Assigns the partitions a group-less read wants and seeks each to where {@link Consume} says it starts. */
final class StartPositions {
  private StartPositions() {}

  /** Returns the partitions assigned; {@code UnknownTopic} for a topic or partition that does not exist. */
  static List<TopicPartition> assign(KafkaConsumer<byte[], byte[]> consumer, String topic, Consume options) {
    List<TopicPartition> partitions = new ArrayList<>();
    if (options.partitions().isEmpty()) {
      for (PartitionInfo info : Fetcher.requirePartition(consumer, topic, -1)) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    } else {
      for (int partition : options.partitions()) {
        Fetcher.requirePartition(consumer, topic, partition);
        partitions.add(new TopicPartition(topic, partition));
      }
    }
    consumer.assign(partitions);
    if (options.offsets().isEmpty()) {
      if (options.startsFromBeginning()) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      return partitions;
    }
    Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions);
    Map<TopicPartition, Long> latest = consumer.endOffsets(partitions);
    for (TopicPartition tp : partitions) {
      Offset offset = options.offsets().get(tp.partition());
      long first = earliest.get(tp);
      long end = latest.get(tp);
      long start = offset.isEarliest() ? first : offset.isLatest() ? end : offset.value();
      // auto.offset.reset is none, so kafka-clients would fail later with its own words; say it here.
      if (start < first || start > end) {
        throw new IllegalArgumentException("offset " + start + " of partition " + tp.partition() + " of topic '" + topic
            + "' is outside the partition: start at " + first + " to " + end + " (" + end + ", its end, waits for new messages)");
      }
      consumer.seek(tp, start);
    }
    return partitions;
  }
}
