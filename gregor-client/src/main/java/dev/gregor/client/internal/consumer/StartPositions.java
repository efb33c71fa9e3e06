package dev.gregor.client.internal.consumer;

import dev.gregor.client.Consume;
import dev.gregor.client.Offset;
import dev.gregor.client.OffsetOutOfRange;
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
      for (PartitionInfo info : Fetcher.requireTopic(consumer, topic)) {
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
        throw new OffsetOutOfRange(topic, tp.partition(), start, first, end, null);
      }
      consumer.seek(tp, start);
    }
    return partitions;
  }
}
