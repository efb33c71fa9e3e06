package dev.gregor.client.internal;

import dev.gregor.client.Compression;
import dev.gregor.client.Config;
import dev.gregor.client.Delivered;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.ProducerSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a batch of buffered messages and reports, per message, whether Kafka acknowledged it.
 * With a compression threshold, partitions with at least that many messages in the batch go
 * through a compressing producer and the rest through a plain one.
 */
public final class BatchSender implements AutoCloseable {
  /**
   * The outcome of one send, index for index with the batch: where each message went, or why it
   * failed. Plain arrays suffice: kafka-clients fires every callback before {@code flush()} returns.
   */
  public record Outcome(List<BufferedMessage> batch, Delivered[] delivered, Throwable[] failures) {
    public boolean allDelivered() {
      return Arrays.stream(failures).allMatch(f -> f == null);
    }
  }

  private final Config config;
  private final ProducerSettings settings;
  private KafkaProducer<byte[], byte[]> plain;
  private KafkaProducer<byte[], byte[]> compressed;
  private RequestStats requestStats;

  public BatchSender(Config config, ProducerSettings settings) {
    this.config = config;
    this.settings = settings;
  }

  /** Sends every message, waits until each is acknowledged or failed (bounded by the delivery timeout). */
  public synchronized Outcome send(List<BufferedMessage> batch) {
    int size = batch.size();
    Delivered[] delivered = new Delivered[size];
    Throwable[] failures = new Throwable[size];
    Integer[] partitions = new Integer[size];
    // kafka-clients waits up to max.block.ms for a topic's metadata on every send; once a topic's
    // metadata could not be had, or the delivery timeout is spent, the rest fail at once instead.
    Map<String, RuntimeException> unreachable = new ConcurrentHashMap<>();
    long deadline = System.nanoTime() + config.deliveryTimeout().toNanos();
    for (int i = 0; i < size; i++) {
      failures[i] = failFast(batch.get(i).message(), unreachable, deadline);
      if (failures[i] != null) {
        continue;
      }
      try {
        partitions[i] = Partitions.resolve(metadataSource(), settings.partitioner(), batch.get(i).message());
      } catch (RuntimeException e) {
        failures[i] = e;
        noteUnreachable(batch.get(i).message().topic(), e, unreachable);
      }
    }
    Map<String, Integer> perPartition = compressionSplit() ? countPerPartition(batch, partitions, failures) : Map.of();
    List<KafkaProducer<byte[], byte[]>> used = new ArrayList<>(2);
    for (int i = 0; i < size; i++) {
      if (failures[i] == null) {
        failures[i] = failFast(batch.get(i).message(), unreachable, deadline);
      }
      if (failures[i] != null) {
        continue;
      }
      KafkaProducer<byte[], byte[]> producer = compressionSplit()
          ? (perPartition.get(groupOf(batch.get(i), partitions[i])) >= settings.compressionThreshold() ? compressed() : plain())
          : metadataSource();
      if (!used.contains(producer)) {
        used.add(producer);
      }
      int index = i;
      try {
        producer.send(ProducerRecords.of(batch.get(i).message(), partitions[i]), (metadata, exception) -> {
          if (exception != null) {
            noteUnreachable(batch.get(index).message().topic(), exception, unreachable);
            failures[index] = Failures.describe(batch.get(index).message(), exception);
          } else {
            delivered[index] = new Delivered(metadata.topic(), metadata.partition(), metadata.offset(),
                Instant.ofEpochMilli(metadata.timestamp()));
          }
        });
      } catch (RuntimeException e) {
        failures[i] = Failures.describe(batch.get(i).message(), e);
      }
    }
    used.forEach(KafkaProducer::flush);
    for (int i = 0; i < size; i++) {
      if (delivered[i] == null && failures[i] == null) {
        failures[i] = new IllegalStateException("no acknowledgement arrived for this message");
      }
    }
    return new Outcome(batch, delivered, failures);
  }

  /** The failure for a message that must not wait again, or null to send it. */
  private RuntimeException failFast(PendingMessage message, Map<String, RuntimeException> unreachable, long deadline) {
    RuntimeException earlier = unreachable.get(message.topic());
    if (earlier != null) {
      return new TimeoutException("Not sent: the metadata of topic '" + message.topic() + "' could not be had earlier "
          + "in this delivery (" + earlier.getMessage() + ")");
    }
    if (System.nanoTime() - deadline > 0) {
      return new TimeoutException("Not sent: the delivery timeout (" + config.deliveryTimeout().toMillis()
          + " ms) was spent before this message's turn");
    }
    return null;
  }

  private static void noteUnreachable(String topic, Throwable failure, Map<String, RuntimeException> unreachable) {
    if (failure instanceof TimeoutException timeout && failure.getMessage() != null
        && failure.getMessage().contains("metadata")) {
      unreachable.putIfAbsent(topic, timeout);
    }
  }

  /** Whether deliveries split by partition into compressed and plain producers (compressionThreshold > 1). */
  private boolean compressionSplit() {
    return settings.compression() != Compression.NONE && settings.compressionThreshold() > 1;
  }

  private static Map<String, Integer> countPerPartition(List<BufferedMessage> batch, Integer[] partitions,
      Throwable[] failures) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      if (failures[i] == null) {
        counts.merge(groupOf(batch.get(i), partitions[i]), 1, Integer::sum);
      }
    }
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

  /** ruby-kafka's {@code request.connection}, derived from this sender's producers' metrics. */
  synchronized void reportRequests(NotificationBus bus) {
    if (requestStats == null) {
      requestStats = new RequestStats(bus, this::metrics);
    }
    requestStats.reportIfDue();
  }

  private synchronized Map<MetricName, ? extends Metric> metrics() {
    Map<MetricName, Metric> all = new HashMap<>();
    for (KafkaProducer<byte[], byte[]> producer : Arrays.asList(plain, compressed)) {
      if (producer != null) {
        all.putAll(producer.metrics());
      }
    }
    return all;
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
