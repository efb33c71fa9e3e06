package dev.gregor.client.internal.consumer;

import dev.gregor.client.Config;
import dev.gregor.client.Fetch;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.client.OffsetOutOfRange;
import dev.gregor.client.UnknownTopic;
import dev.gregor.client.internal.names.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * KafkaEx's {@code fetch}: one read of one partition from an offset, on a group-less consumer.
 * The broker answers once {@code minBytes} are there or {@code maxWait} passed.
 */
public final class Fetcher {
  private final Config config;

  public Fetcher(Config config) {
    this.config = config;
  }

  public Fetch fetch(String topic, int partition, Offset offset, int minBytes, Duration maxWait, int maxBytes) {
    TopicNames.check(topic);
    if (minBytes < 1 || maxBytes < 1 || maxWait.isNegative()) {
      throw new IllegalArgumentException("minBytes and maxBytes must be at least 1 and maxWait not negative, were "
          + minBytes + ", " + maxBytes + ", " + maxWait);
    }
    Map<String, Object> properties = ConsumerProperties.groupless(config);
    properties.put("fetch.min.bytes", Integer.toString(minBytes));
    properties.put("fetch.max.wait.ms", Long.toString(maxWait.toMillis()));
    properties.put("max.partition.fetch.bytes", Integer.toString(maxBytes));
    properties.put("max.poll.records", Integer.toString(Integer.MAX_VALUE)); // one poll returns the whole fetch
    TopicPartition tp = new TopicPartition(topic, partition);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    try {
      requirePartition(consumer, topic, partition);
      consumer.assign(List.of(tp));
      if (offset.isEarliest()) {
        consumer.seekToBeginning(List.of(tp));
      } else if (offset.isLatest()) {
        consumer.seekToEnd(List.of(tp));
      } else {
        consumer.seek(tp, offset.value());
      }
      long start = consumer.position(tp);
      List<Message> messages = new ArrayList<>();
      long deadline = System.nanoTime() + maxWait.plusSeconds(1).toNanos();
      try {
        do {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100)).records(tp)) {
            messages.add(Messages.of(record));
          }
        } while (messages.isEmpty() && System.nanoTime() < deadline);
      } catch (OffsetOutOfRangeException e) { // "auto.offset.reset" is none: the broker refused the offset itself
        throw new OffsetOutOfRange(topic, partition, offset.value(), consumer.beginningOffsets(List.of(tp)).get(tp),
            consumer.endOffsets(List.of(tp)).get(tp), e);
      }
      // The position, not the last message: it also moves past transaction markers and aborted records,
      // which are never returned, so fetching from nextOffset always makes progress.
      long next = Math.max(start, consumer.position(tp));
      OptionalLong lag = consumer.currentLag(tp);
      long highWatermark = lag.isPresent() ? consumer.position(tp) + lag.getAsLong() : consumer.endOffsets(List.of(tp)).get(tp);
      return new Fetch(topic, partition, List.copyOf(messages), next, highWatermark);
    } finally {
      // The consumer has already asked for more data, which the broker holds for maxWait; nothing waits for it.
      consumer.close(CloseOptions.timeout(Duration.ZERO));
    }
  }

  /** The topic's partitions; {@link UnknownTopic} when it does not exist. */
  static List<PartitionInfo> requireTopic(KafkaConsumer<?, ?> consumer, String topic) {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic);
    if (partitions == null || partitions.isEmpty()) {
      throw new UnknownTopic(topic, "Topic '" + topic + "' does not exist", List.of(), null);
    }
    return partitions;
  }

  /** Checks that {@code partition} exists; {@link UnknownTopic} or an {@link IllegalArgumentException} naming the count. */
  static void requirePartition(KafkaConsumer<?, ?> consumer, String topic, int partition) {
    int count = requireTopic(consumer, topic).size();
    if (partition < 0) { // kafka-clients would wait out its metadata timeout for a partition that cannot exist
      throw new IllegalArgumentException("partition must be 0 or more, was " + partition + "; topic '" + topic
          + "' has " + count + " partitions (0 to " + (count - 1) + ")");
    }
    if (partition >= count) {
      throw new UnknownTopic(topic, "Partition " + partition + " of topic '" + topic + "' does not exist: it has "
          + count + " partitions (0 to " + (count - 1) + ")", List.of(), null);
    }
  }
}
