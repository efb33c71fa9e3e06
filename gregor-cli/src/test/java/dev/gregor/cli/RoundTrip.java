package dev.gregor.cli;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces and consumes with plain kafka-clients, as any user of the printed address would. */
final class RoundTrip {
  private RoundTrip() {}

  static void produce(String bootstrapServers, String topic, String value) throws Exception {
    Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "acks", "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, value)).get();
    }
  }

  /** Every value in partition 0 of {@code topic}, read from the beginning until {@code expected} have arrived. */
  static List<String> consume(String bootstrapServers, String topic, int expected) {
    Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
        return values.size() >= expected;
      });
    }
    return values;
  }
}
