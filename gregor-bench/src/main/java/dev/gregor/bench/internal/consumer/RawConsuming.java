package dev.gregor.bench.internal.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The baselines: a plain {@code KafkaConsumer.poll} loop with kafka-clients' defaults, until every record was seen. */
public final class RawConsuming {
  private static final Duration POLL = Duration.ofMillis(200);

  private RawConsuming() {}

  /** Without a group: assign every partition, seek to the beginning, poll. */
  static void assigned(String bootstrap, String topic, Tally tally) {
    try (KafkaConsumer<byte[], byte[]> consumer = create(bootstrap, null)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      pollUntil(consumer, tally);
    }
  }

  /** As a member of a new consumer group: subscribe from the earliest offset, poll, close (which commits). */
  public static void subscribed(String bootstrap, String topic, Tally tally) {
    try (KafkaConsumer<byte[], byte[]> consumer = create(bootstrap, "bench-raw-" + UUID.randomUUID())) {
      consumer.subscribe(List.of(topic));
      pollUntil(consumer, tally);
    }
  }

  private static void pollUntil(KafkaConsumer<byte[], byte[]> consumer, Tally tally) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not every record arrived within 2 minutes");
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        if (tally.add(1)) {
          return;
        }
      }
    }
  }

  private static KafkaConsumer<byte[], byte[]> create(String bootstrap, String groupId) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    if (groupId != null) {
      config.put("group.id", groupId);
      config.put("auto.offset.reset", "earliest");
    }
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
