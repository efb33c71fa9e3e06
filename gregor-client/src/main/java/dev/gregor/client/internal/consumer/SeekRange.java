package dev.gregor.client.internal.consumer;

import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when a seek goes past the partition's end. Kafka then moves the position by the group's
 * reset policy ({@code auto.offset.reset}) at the next fetch, as every kafka-clients consumer
 * does; that is kept, but never silently: a partition re-read from its beginning is worth a WARN.
 */
final class SeekRange {
  private static final Logger LOG = LoggerFactory.getLogger(SeekRange.class);

  private SeekRange() {}

  /** Logs a WARN when {@code offset} is past the partition's end; {@code reset} is "earliest" or "latest". */
  static void warnIfPastEnd(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long offset, String groupId,
      String reset) {
    OptionalLong lag = consumer.currentLag(partition);
    if (lag.isPresent() && offset <= consumer.position(partition) + lag.getAsLong()) {
      return; // within the end the last fetch saw: no request needed, which keeps seeks cheap
    }
    long earliest;
    long latest;
    try {
      Set<TopicPartition> one = Set.of(partition);
      latest = consumer.endOffsets(one).get(partition);
      if (offset <= latest) {
        return;
      }
      earliest = consumer.beginningOffsets(one).get(partition);
    } catch (KafkaException e) {
      return; // the seek itself still happens; only the warning needs the broker's answer
    }
    boolean toBeginning = "earliest".equals(reset);
    LOG.warn("Group '{}' seeks topic '{}' partition {} to offset {}, past its end ({}; it holds offsets {} to {}): "
        + "Kafka moves such a position by the group's reset policy, so reading goes on from the {} (offset {})",
        groupId, partition.topic(), partition.partition(), offset, latest, earliest, latest - 1,
        toBeginning ? "beginning" : "end", toBeginning ? earliest : latest);
  }
}
