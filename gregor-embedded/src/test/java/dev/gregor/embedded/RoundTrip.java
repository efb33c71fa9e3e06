package dev.gregor.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain kafka-clients produce and consume, used by tests to prove a listener really works. */
final class RoundTrip {
  private RoundTrip() {}

  static RecordMetadata produce(Map<String, Object> clientConfig, String topic, String value) throws Exception {
    try (KafkaProducer<String, String> producer = producer(clientConfig)) {
      return producer.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
    }
  }

  static KafkaProducer<String, String> producer(Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put("acks", "all");
    config.put("max.block.ms", 20_000);
    config.put("delivery.timeout.ms", 30_000);
    config.put("request.timeout.ms", 10_000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Reads {@code topic} from the beginning until {@code count} values arrived or 30 s passed. */
  static List<String> consume(Map<String, Object> clientConfig, String topic, int count) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put("group.id", "round-trip-" + UUID.randomUUID());
    config.put("auto.offset.reset", "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (values.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
