package dev.gregor.client.internal.consumer;

import dev.gregor.client.TopicPartition;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Per-partition lag from the consumer's last fetches, copied for other threads about once a second. */
final class LagSnapshot {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Set<org.apache.kafka.common.TopicPartition> assigned;
  private volatile Map<TopicPartition, Long> latest = Map.of();
  private long takenNanos;

  LagSnapshot(KafkaConsumer<byte[], byte[]> consumer, Set<org.apache.kafka.common.TopicPartition> assigned) {
    this.consumer = consumer;
    this.assigned = assigned;
  }

  /** On the polling thread: the lag now. */
  Map<TopicPartition, Long> current() {
    Map<TopicPartition, Long> lag = new HashMap<>();
    for (org.apache.kafka.common.TopicPartition partition : assigned) {
      consumer.currentLag(partition).ifPresent(l -> lag.put(PartitionIds.toPublic(partition), l));
    }
    return Map.copyOf(lag);
  }

  /** On any thread: the last copy. */
  Map<TopicPartition, Long> latest() {
    return latest;
  }

  /** Called by the polling thread after each poll. */
  void refreshEverySecond() {
    long now = System.nanoTime();
    if (now - takenNanos >= TimeUnit.SECONDS.toNanos(1)) {
      takenNanos = now;
      latest = current();
    }
  }
}
