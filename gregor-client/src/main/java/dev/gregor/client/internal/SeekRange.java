package dev.gregor.client.internal;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when a seek leaves the partition's offsets. Kafka then moves the position by the group's
 * reset policy ({@code auto.offset.reset}) at the next fetch, as every kafka-clients consumer
 * does; that is kept, but never silently: a partition re-read from its beginning is worth a WARN.
 */
final class SeekRange {
  private static final Logger LOG = LoggerFactory.getLogger(SeekRange.class);

  private SeekRange() {}

  /** Logs a WARN when {@code offset} is outside the partition's offsets; {@code reset} is "earliest" or "latest". */
  static void warnIfOutside(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long offset, String groupId,
      String reset) {
    long earliest;
    long latest;
    try {
      Set<TopicPartition> one = Set.of(partition);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(one);
      Map<TopicPartition, Long> ends = consumer.endOffsets(one);
      earliest = begins.get(partition);
      latest = ends.get(partition);
    } catch (KafkaException e) {
      return; // the seek itself still happens; only the warning needs the broker's answer
    }
    if (offset >= earliest && offset <= latest) {
      return;
    }
    boolean toBeginning = "earliest".equals(reset);
    LOG.warn("Group '{}' seeks topic '{}' partition {} to offset {}, {} its offsets {} to {}: Kafka moves such a "
        + "position by the group's reset policy, so reading goes on from the {} (offset {})", groupId,
        partition.topic(), partition.partition(), offset, offset > latest ? "past the end of" : "before",
        earliest, latest, toBeginning ? "beginning" : "end", toBeginning ? earliest : latest);
  }
}
