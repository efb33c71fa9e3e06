package dev.gregor.client.internal.producer;

import dev.gregor.client.Compression;
import dev.gregor.client.Config;
import dev.gregor.client.ProducerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The kafka-clients producers behind one Gregor producer, created on first use: one per
 * compression, and for topics whose batches kafka-clients could not split below the topic's
 * limit, one that puts every message in a batch of its own.
 */
final class ProducerPool {
  private record Kind(Compression compression, boolean unbatched) {}

  private final Config config;
  private final ProducerSettings settings;
  private final Map<Kind, KafkaProducer<byte[], byte[]>> producers = new LinkedHashMap<>();

  ProducerPool(Config config, ProducerSettings settings) {
    this.config = config;
    this.settings = settings;
  }

  KafkaProducer<byte[], byte[]> get(Compression compression, boolean unbatched) {
    return producers.computeIfAbsent(new Kind(compression, unbatched), kind -> {
      Map<String, Object> properties = ProducerProperties.of(config, settings, kind.compression());
      if (kind.unbatched()) {
        properties.put("batch.size", "0");
      }
      return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    });
  }

  /** Stops {@code producer} at once, failing what it still holds; the next {@link #get} opens a new one. */
  void discard(KafkaProducer<byte[], byte[]> producer) {
    producers.values().removeIf(p -> p == producer);
    producer.close(Duration.ZERO);
  }

  Map<MetricName, ? extends Metric> metrics() {
    Map<MetricName, Metric> all = new HashMap<>();
    producers.values().forEach(producer -> all.putAll(producer.metrics()));
    return all;
  }

  /** Closes every producer, each waiting at most {@code timeout} for what it still sends. */
  void close(Duration timeout) {
    List<KafkaProducer<byte[], byte[]>> open = new ArrayList<>(producers.values());
    producers.clear();
    open.forEach(producer -> producer.close(timeout));
  }
}
