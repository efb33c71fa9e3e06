package dev.gregor.client.internal.consumer;

import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * kafka-clients sends heartbeats on its own thread and has no hook for them; its
 * {@code heartbeat-total} metric counts them, so a rise between two polls means a heartbeat completed.
 */
final class HeartbeatCount {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private Metric total;
  private double last;

  HeartbeatCount(KafkaConsumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  /** Whether heartbeats completed since the last call. */
  boolean increased() {
    if (total == null) {
      for (Map.Entry<MetricName, ? extends Metric> entry : consumer.metrics().entrySet()) {
        if (entry.getKey().name().equals("heartbeat-total")
            && entry.getKey().group().equals("consumer-coordinator-metrics")) {
          total = entry.getValue();
        }
      }
      if (total == null) {
        return false;
      }
    }
    double now = ((Number) total.metricValue()).doubleValue();
    boolean rose = now > last;
    last = now;
    return rose;
  }
}
