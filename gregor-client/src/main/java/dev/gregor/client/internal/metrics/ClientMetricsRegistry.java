package dev.gregor.client.internal.metrics;

import dev.gregor.client.ClientMetric;
import dev.gregor.client.ClientMetricListener;
import dev.gregor.client.Config;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kafka-clients metrics of every instance opened with one {@link Config}. It travels to each
 * instance's {@link GregorMetricsReporter} inside the kafka-clients properties (kafka-clients hands
 * unknown properties to reporters as they are), so no global lookup by name is needed.
 */
public final class ClientMetricsRegistry {
  /** The kafka-clients property that carries the registry to the reporter. */
  public static final String PROPERTY = "gregor.client.metrics";
  private static final Logger LOG = LoggerFactory.getLogger(ClientMetricsRegistry.class);
  // Weak: a registry lives exactly as long as its Config, which every client built from it holds.
  private static final Map<Config, ClientMetricsRegistry> BY_CONFIG = new WeakHashMap<>();

  private final Map<String, Map<MetricName, ClientMetric>> byInstance = new LinkedHashMap<>();
  private final Map<String, BitSet> numbersInUse = new HashMap<>();
  private final List<ClientMetricListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong listenerFailures = new AtomicLong();

  public static synchronized ClientMetricsRegistry of(Config config) {
    return BY_CONFIG.computeIfAbsent(config, c -> new ClientMetricsRegistry());
  }

  /** Adds Gregor's reporter to {@code properties}, after the reporters already named there (kafka-clients' JMX one by default). */
  public void addTo(Map<String, Object> properties) {
    List<Object> reporters = new ArrayList<>();
    Object configured = properties.get("metric.reporters");
    if (configured == null) {
      reporters.add(JmxReporter.class.getName());
    } else if (configured instanceof List<?> list) {
      reporters.addAll(list);
    } else if (configured instanceof String names) {
      for (String name : names.split(",")) {
        if (!name.isBlank()) {
          reporters.add(name.trim());
        }
      }
    } else {
      reporters.add(configured);
    }
    if (!reporters.contains(GregorMetricsReporter.class.getName()) && !reporters.contains(GregorMetricsReporter.class)) {
      reporters.add(GregorMetricsReporter.class.getName());
    }
    properties.put("metric.reporters", reporters);
    properties.put(PROPERTY, this);
  }

  public synchronized List<ClientMetric> metrics() {
    List<ClientMetric> all = new ArrayList<>();
    byInstance.values().forEach(metrics -> all.addAll(metrics.values()));
    return all;
  }

  /** Replays what is open to {@code listener}, then keeps it told; the returned action stops that. */
  public synchronized Runnable watch(ClientMetricListener listener) {
    for (ClientMetric metric : metrics()) {
      tell(listener, metric, true);
    }
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Names a new instance of {@code kind} with the lowest number not in use, so names stay few across reopenings. */
  synchronized String open(String kind) {
    BitSet used = numbersInUse.computeIfAbsent(kind, k -> new BitSet());
    int number = used.nextClearBit(1);
    used.set(number);
    String instance = kind + "-" + number;
    byInstance.put(instance, new LinkedHashMap<>());
    return instance;
  }

  synchronized void added(String instance, KafkaMetric metric) {
    Map<MetricName, ClientMetric> metrics = byInstance.get(instance);
    if (metrics == null) {
      return;
    }
    ClientMetric replaced = metrics.remove(metric.metricName());
    if (replaced != null) {
      listeners.forEach(l -> tell(l, replaced, false));
    }
    ClientMetric added = new ClientMetric(instance, metric.metricName(), metric);
    metrics.put(metric.metricName(), added);
    listeners.forEach(l -> tell(l, added, true));
  }

  synchronized void removed(String instance, MetricName name) {
    Map<MetricName, ClientMetric> metrics = byInstance.get(instance);
    ClientMetric removed = metrics == null ? null : metrics.remove(name);
    if (removed != null) {
      listeners.forEach(l -> tell(l, removed, false));
    }
  }

  synchronized void closed(String instance) {
    Map<MetricName, ClientMetric> metrics = byInstance.remove(instance);
    if (metrics == null) {
      return;
    }
    metrics.values().forEach(m -> listeners.forEach(l -> tell(l, m, false)));
    int dash = instance.lastIndexOf('-');
    numbersInUse.get(instance.substring(0, dash)).clear(Integer.parseInt(instance.substring(dash + 1)));
  }

  private void tell(ClientMetricListener listener, ClientMetric metric, boolean added) {
    try {
      if (added) {
        listener.added(metric);
      } else {
        listener.removed(metric);
      }
    } catch (RuntimeException | LinkageError e) {
      long count = listenerFailures.incrementAndGet();
      if (count == 1 || count % 1000 == 0) { // reported, but one failing on every metric must not flood the log
        LOG.warn("A kafka-clients metric listener threw on {} ({} failures so far); the client goes on", metric.name().name(), count, e);
      }
    }
  }

  @Override
  public String toString() {
    return "ClientMetricsRegistry" + byInstance.keySet();
  }
}
