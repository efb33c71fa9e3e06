package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

// ruby-kafka: "Compression" (codecs and compression_threshold); KafkaEx: "Compression".
@EmbeddedKafkaTest
class CompressionTest {

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"GZIP", "SNAPPY", "LZ4", "ZSTD"})
  void everyCodecIsStoredCompressedAndReadableByAPlainConsumer(Compression codec, EmbeddedKafka kafka, TestTopics topics)
      throws IOException {
    String topic = topics.create(1);
    List<String> sent = IntStream.range(0, 50).mapToObj(i -> "message " + i + " ".repeat(50)).collect(Collectors.toList());

    deliver(kafka, topic, sent, p -> p.compression(codec));

    assertThat(BufferedProducerTest.values(Records.readAll(kafka.clientConfig(), topic, 50))).isEqualTo(sent);
    assertThat(storedCodecs(kafka, topic)).containsOnly(codec.kafkaValue());
  }

  @Test
  void compressionThresholdCompressesOnlyDeliveriesWithEnoughMessagesForAPartition(EmbeddedKafka kafka, TestTopics topics)
      throws IOException {
    String topic = topics.create(1);
    Consumer<ProducerSettings.Builder> settings = p -> p.compression(Compression.LZ4).compressionThreshold(10);

    deliver(kafka, topic, List.of("a", "b", "c"), settings);
    deliver(kafka, topic, IntStream.range(0, 12).mapToObj(i -> "m" + i).collect(Collectors.toList()), settings);

    assertThat(storedCodecs(kafka, topic)).containsExactly("none", "lz4");
  }

  private static void deliver(EmbeddedKafka kafka, String topic, List<String> values,
      Consumer<ProducerSettings.Builder> settings) {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers()); Producer producer = gregor.producer(settings)) {
      values.forEach(v -> producer.produce(topic, v));
      producer.deliverMessages();
    }
  }

  /** The codec of every record batch in partition 0's log, read from the embedded broker's files. */
  private static List<String> storedCodecs(EmbeddedKafka kafka, String topic) throws IOException {
    List<String> codecs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(kafka.dataDir())) {
      for (Path segment : files.filter(f -> f.getParent().getFileName().toString().equals(topic + "-0")
          && f.toString().endsWith(".log")).sorted().collect(Collectors.toList())) {
        try (FileRecords records = FileRecords.open(segment.toFile())) {
          for (RecordBatch batch : records.batches()) {
            codecs.add(batch.compressionType().name);
          }
        }
      }
    }
    return codecs;
  }
}
