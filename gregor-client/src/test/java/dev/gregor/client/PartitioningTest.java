package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

// ruby-kafka: "Partitioning" and "Compatibility with Other Clients".
@EmbeddedKafkaTest
class PartitioningTest {
  private static final int PARTITIONS = 7;
  private static final List<String> KEYS = IntStream.range(0, 40).mapToObj(i -> "user-" + i).collect(Collectors.toList());

  @Test
  void defaultPartitionerPutsKeysWhereAPlainKafkaProducerDoes(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(PARTITIONS);
    Map<String, Integer> plain = new HashMap<>();
    try (KafkaProducer<String, String> producer =
             new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new StringSerializer())) {
      for (String key : KEYS) {
        plain.put(key, producer.send(new ProducerRecord<>(topic, key, "v")).get(10, TimeUnit.SECONDS).partition());
      }
    }

    assertThat(gregorPartitions(kafka, topic, p -> { })).isEqualTo(plain);
  }

  @Test
  void crc32PartitionerPutsKeysWhereLibrdkafkaConsistentWould(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(PARTITIONS);
    // librdkafka's "consistent" partitioner: crc32(key) % partition_cnt, with the IEEE CRC-32 (as zlib).
    Map<String, Integer> expected = KEYS.stream().collect(Collectors.toMap(k -> k,
        k -> (int) (Long.remainderUnsigned(ieeeCrc32(k.getBytes(StandardCharsets.UTF_8)), PARTITIONS))));

    assertThat(gregorPartitions(kafka, topic, p -> p.partitioner(Partitioner.crc32()))).isEqualTo(expected);
  }

  @Test
  void partitionKeyChoosesThePartitionThroughTheConfiguredPartitioner(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(PARTITIONS);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers());
         Producer producer = gregor.producer(p -> p.partitioner(Partitioner.crc32()))) {
      CompletableFuture<Delivered> report = producer.produce(topic, "event", Produce.key("ignored").withPartitionKey("session-9"));
      producer.deliverMessages();

      long expected = Long.remainderUnsigned(ieeeCrc32("session-9".getBytes(StandardCharsets.UTF_8)), PARTITIONS);
      assertThat(report.get(1, TimeUnit.SECONDS).partition()).isEqualTo((int) expected);
    }
  }

  private static Map<String, Integer> gregorPartitions(EmbeddedKafka kafka, String topic,
      Consumer<ProducerSettings.Builder> settings) throws Exception {
    Map<String, CompletableFuture<Delivered>> reports = new HashMap<>();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); Producer producer = gregor.producer(settings)) {
      KEYS.forEach(key -> reports.put(key, producer.produce(topic, "v", Produce.key(key))));
      producer.deliverMessages();
    }
    Map<String, Integer> partitions = new HashMap<>();
    for (Map.Entry<String, CompletableFuture<Delivered>> e : reports.entrySet()) {
      partitions.put(e.getKey(), e.getValue().get(1, TimeUnit.SECONDS).partition());
    }
    return partitions;
  }

  /** Bitwise CRC-32 (polynomial 0xEDB88320), written from the specification rather than java.util.zip. */
  private static long ieeeCrc32(byte[] data) {
    int crc = 0xFFFFFFFF;
    for (byte b : data) {
      crc ^= b & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320 : crc >>> 1;
      }
    }
    return Integer.toUnsignedLong(~crc);
  }
}
