package dev.gregor.client.internal.events;

import dev.gregor.client.ClientEvent;
import dev.gregor.client.EventKeys;
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
public final class RequestStats {
  private static final long EVERY_NANOS = 1_000_000_000L;

  private final NotificationBus bus;
  private final Supplier<Map<MetricName, ? extends Metric>> metrics;
  private final Map<String, double[]> last = new HashMap<>();
  private double[] clientTotals = new double[4];
  private long reportedNanos = System.nanoTime() - EVERY_NANOS; // the first call reports

  public RequestStats(NotificationBus bus, Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.bus = bus;
    this.metrics = metrics;
  }

  /**
   * kafka-clients names connections {@code node-<id>}: negative ids are the seed (bootstrap)
   * connections, ids near {@code Integer.MAX_VALUE} the group coordinator's own connection.
   */
  static String broker(String node) {
    String id = node.startsWith("node-") ? node.substring(5) : node;
    try {
      int n = Integer.parseInt(id);
      if (n < 0) {
        return "bootstrap";
      }
      return n > Integer.MAX_VALUE / 2 ? "coordinator-" + (Integer.MAX_VALUE - n) : Integer.toString(n);
    } catch (NumberFormatException e) {
      return id;
    }
  }

  /** Whether anyone listens to an event these counters produce. */
  public static boolean wanted(NotificationBus bus) {
    return bus.wants(ClientEvent.REQUEST) || bus.wants(ClientEvent.CONNECT) || bus.wants(ClientEvent.DISCONNECT)
        || bus.wants(ClientEvent.AUTHENTICATE);
  }

  /** Reports at most once a second, and only when someone listens. */
  public void reportIfDue() {
    long now = System.nanoTime();
    if (now - reportedNanos < EVERY_NANOS || !wanted(bus)) {
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
        payload.put(EventKeys.API, "all");
        payload.put(EventKeys.BROKER, broker(node));
        payload.put(EventKeys.REQUEST_COUNT, requests);
        payload.put(EventKeys.REQUEST_SIZE, (long) (now4[1] - before[1]));
        payload.put(EventKeys.RESPONSE_SIZE, (long) (now4[2] - before[2]));
        payload.put(EventKeys.LATENCY_AVG_MS, Double.isNaN(now4[3]) ? 0.0 : now4[3]);
        bus.event(ClientEvent.REQUEST, payload);
      }
    });
    last.clear();
    last.putAll(current);
    reportConnections();
  }

  /** KafkaEx's connection and SASL categories, from the client-wide connection and authentication counters. */
  private void reportConnections() {
    double[] now = new double[4]; // connections created, closed, authentications succeeded, failed
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.get().entrySet()) {
      MetricName name = entry.getKey();
      if (name.tags().containsKey("node-id") || !(entry.getValue().metricValue() instanceof Number number)) {
        continue;
      }
      int slot = switch (name.name()) {
        case "connection-creation-total" -> 0;
        case "connection-close-total" -> 1;
        case "successful-authentication-total" -> 2;
        case "failed-authentication-total" -> 3;
        default -> -1;
      };
      if (slot >= 0) {
        now[slot] += number.doubleValue();
      }
    }
    long created = (long) (now[0] - clientTotals[0]);
    long closed = (long) (now[1] - clientTotals[1]);
    long authenticated = (long) (now[2] - clientTotals[2]);
    long refused = (long) (now[3] - clientTotals[3]);
    clientTotals = now;
    if (created > 0) {
      count(ClientEvent.CONNECT, created);
    }
    if (closed > 0) {
      count(ClientEvent.DISCONNECT, closed);
    }
    if (authenticated > 0 || refused > 0) {
      Map<String, Object> payload = bus.payload();
      payload.put(EventKeys.SUCCEEDED, authenticated);
      payload.put(EventKeys.FAILED, refused);
      bus.event(ClientEvent.AUTHENTICATE, payload);
    }
  }

  private void count(ClientEvent kind, long connections) {
    Map<String, Object> payload = bus.payload();
    payload.put(EventKeys.CONNECTION_COUNT, connections);
    bus.event(kind, payload);
  }
}
