package dev.gregor.client.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * ruby-kafka's {@code request.connection}, derived: kafka-clients has no per-request hook, but
 * counts requests and bytes per broker in its {@code *-node-metrics}. Each report covers what
 * changed per broker since the last one, for all APIs together ({@code api} is {@code "all"}).
 */
final class RequestStats {
  private static final long EVERY_NANOS = 1_000_000_000L;

  private final NotificationBus bus;
  private final Supplier<Map<MetricName, ? extends Metric>> metrics;
  private final Map<String, double[]> last = new HashMap<>();
  private long reportedNanos = System.nanoTime() - EVERY_NANOS; // the first call reports

  RequestStats(NotificationBus bus, Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.bus = bus;
    this.metrics = metrics;
  }

  /** Reports at most once a second, and only when someone listens. */
  void reportIfDue() {
    long now = System.nanoTime();
    if (now - reportedNanos < EVERY_NANOS || !bus.wants("request.connection")) {
      return;
    }
    reportedNanos = now;
    Map<String, double[]> current = new HashMap<>(); // node -> requests, bytes out, bytes in, latency avg
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.get().entrySet()) {
      MetricName name = entry.getKey();
      String node = name.tags().get("node-id");
      if (node == null || !name.group().endsWith("-node-metrics")) {
        continue;
      }
      int slot = switch (name.name()) {
        case "request-total" -> 0;
        case "outgoing-byte-total" -> 1;
        case "incoming-byte-total" -> 2;
        case "request-latency-avg" -> 3;
        default -> -1;
      };
      Object value = entry.getValue().metricValue();
      if (slot >= 0 && value instanceof Number number) {
        current.computeIfAbsent(node, n -> new double[4])[slot] = number.doubleValue();
      }
    }
    current.forEach((node, now4) -> {
      double[] before = last.getOrDefault(node, new double[4]);
      long requests = (long) (now4[0] - before[0]);
      if (requests > 0) {
        Map<String, Object> payload = bus.payload();
        payload.put("api", "all");
        payload.put("broker", node.startsWith("node-") ? node.substring(5) : node);
        payload.put("request_count", requests);
        payload.put("request_size", (long) (now4[1] - before[1]));
        payload.put("response_size", (long) (now4[2] - before[2]));
        payload.put("latency_avg_ms", Double.isNaN(now4[3]) ? 0.0 : now4[3]);
        bus.event("request.connection", payload);
      }
    });
    last.clear();
    last.putAll(current);
  }
}
