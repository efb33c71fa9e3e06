package dev.gregor.client.internal;

import dev.gregor.client.Compression;
import dev.gregor.client.Config;
import dev.gregor.client.Delivered;
import dev.gregor.client.ProducerSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a batch of buffered messages and reports, per message, whether Kafka acknowledged it.
 * Partitions with at least {@code compressionThreshold} messages in the batch go through a
 * compressing producer, the rest through a plain one.
 */
public final class BatchSender implements AutoCloseable {
  /** The outcome of one send: delivered messages with where they went, and failed ones with why, in order. */
  public record Outcome(Map<BufferedMessage, Delivered> delivered, Map<BufferedMessage, Throwable> failed) {}

  private final Config config;
  private final ProducerSettings settings;
  private KafkaProducer<byte[], byte[]> plain;
  private KafkaProducer<byte[], byte[]> compressed;

  public BatchSender(Config config, ProducerSettings settings) {
    this.config = config;
    this.settings = settings;
  }

  /** Sends every message, waits until each is acknowledged or failed (bounded by the delivery timeout). */
  public synchronized Outcome send(List<BufferedMessage> batch) {
    Map<BufferedMessage, Throwable> failed = new ConcurrentHashMap<>();
    Map<BufferedMessage, Delivered> delivered = new ConcurrentHashMap<>();
    Map<BufferedMessage, Integer> partitions = new HashMap<>();
    for (BufferedMessage entry : batch) {
      try {
        partitions.put(entry, Partitions.resolve(metadataSource(), settings.partitioner(), entry.message()));
      } catch (RuntimeException e) {
        failed.put(entry, e);
      }
    }
    Map<String, Integer> perPartition = compressionSplit() ? countPerPartition(partitions) : Map.of();
    List<KafkaProducer<byte[], byte[]>> used = new ArrayList<>();
    for (BufferedMessage entry : batch) {
      if (failed.containsKey(entry)) {
        continue;
      }
      Integer partition = partitions.get(entry);
      KafkaProducer<byte[], byte[]> producer = compressionSplit()
          ? (perPartition.get(groupOf(entry, partition)) >= settings.compressionThreshold() ? compressed() : plain())
          : metadataSource();
      if (!used.contains(producer)) {
        used.add(producer);
      }
      try {
        producer.send(ProducerRecords.of(entry.message(), partition), (metadata, exception) -> {
          if (exception != null) {
            failed.put(entry, exception);
          } else {
            delivered.put(entry, new Delivered(metadata.topic(), metadata.partition(), metadata.offset(),
                Instant.ofEpochMilli(metadata.timestamp())));
          }
        });
      } catch (RuntimeException e) {
        failed.put(entry, e);
      }
    }
    used.forEach(KafkaProducer::flush);
    return new Outcome(inBatchOrder(batch, delivered), inBatchOrder(batch, failed));
  }

  private static <V> Map<BufferedMessage, V> inBatchOrder(List<BufferedMessage> batch, Map<BufferedMessage, V> results) {
    Map<BufferedMessage, V> ordered = new LinkedHashMap<>();
    batch.stream().filter(results::containsKey).forEach(m -> ordered.put(m, results.get(m)));
    return ordered;
  }

  /** Whether deliveries split by partition into compressed and plain producers (compressionThreshold > 1). */
  private boolean compressionSplit() {
    return settings.compression() != Compression.NONE && settings.compressionThreshold() > 1;
  }

  private static Map<String, Integer> countPerPartition(Map<BufferedMessage, Integer> partitions) {
    Map<String, Integer> counts = new HashMap<>();
    partitions.forEach((entry, partition) -> counts.merge(groupOf(entry, partition), 1, Integer::sum));
    return counts;
  }

  /** Keyless messages (no partition yet) count per topic: the sticky partitioner sends them together. */
  private static String groupOf(BufferedMessage entry, Integer partition) {
    return entry.message().topic() + "/" + partition;
  }

  /** The producer most deliveries use anyway, so a metadata lookup opens no extra connections. */
  private KafkaProducer<byte[], byte[]> metadataSource() {
    return settings.compression() != Compression.NONE && settings.compressionThreshold() == 1 ? compressed() : plain();
  }

  private KafkaProducer<byte[], byte[]> plain() {
    if (plain == null) {
      plain = create(Compression.NONE);
    }
    return plain;
  }

  private KafkaProducer<byte[], byte[]> compressed() {
    if (compressed == null) {
      compressed = create(settings.compression());
    }
    return compressed;
  }

  private KafkaProducer<byte[], byte[]> create(Compression compression) {
    return new KafkaProducer<>(ProducerProperties.of(config, settings, compression), new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  @Override
  public synchronized void close() {
    for (KafkaProducer<byte[], byte[]> producer : Arrays.asList(plain, compressed)) {
      if (producer != null) {
        producer.close(config.deliveryTimeout());
      }
    }
    plain = null;
    compressed = null;
  }
}
