package dev.gregor.metrics.internal;

import dev.gregor.client.ClientMetric;
import dev.gregor.client.ClientMetricListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.MetricName;

/**
 * Registers kafka-clients' own metrics as meters as they appear and removes them as they go.
 * Names and tags follow Micrometer's Kafka binder: {@code kafka.producer.record.send.rate}, tags
 * {@code client.id}, {@code node.id}, {@code topic}, {@code partition}; plus {@code kafka.client}
 * naming the instance ({@code producer-1}), as a Gregor client runs several under one client id.
 */
public final class KafkaClientMeters implements ClientMetricListener {
  private final MeterRegistry registry;
  private final Tags common;
  private final Map<Key, Meter> meters = new HashMap<>();
  // kafka-clients reports some metrics both per client and per topic or partition under one name;
  // one meter name must have one set of tag keys (Prometheus), so the most detailed set wins.
  private final Map<String, Set<String>> tagKeysByName = new HashMap<>();

  public KafkaClientMeters(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
  }

  /** {@code producer-node-metrics} / {@code request-rate} as {@code kafka.producer.node.request.rate}. */
  public static String meterName(MetricName name) {
    return (MeterNames.KAFKA_PREFIX + name.group().replace("-metrics", "") + "." + name.name()).replace('-', '.');
  }

  @Override
  public synchronized void added(ClientMetric metric) {
    if (!metric.numeric()) {
      return; // informational strings such as app-info's version
    }
    String name = meterName(metric.name());
    Tags tags = common.and(Tag.of("kafka.client", metric.instance()));
    for (Map.Entry<String, String> tag : metric.name().tags().entrySet()) {
      tags = tags.and(tag.getKey().replace('-', '.'), tag.getValue());
    }
    Set<String> keys = new TreeSet<>(metric.name().tags().keySet());
    Set<String> known = tagKeysByName.putIfAbsent(name, keys);
    if (known != null && !known.equals(keys)) {
      if (known.size() >= keys.size()) {
        return;
      }
      removeNamed(name);
      tagKeysByName.put(name, keys);
    }
    Key key = new Key(metric.instance(), metric.name());
    Meter replaced = meters.remove(key);
    if (replaced != null) {
      registry.remove(replaced);
    }
    String description = metric.name().description();
    Meter meter = metric.name().name().endsWith("-total")
        ? FunctionCounter.builder(name, metric, KafkaClientMeters::value).tags(tags).description(description).register(registry)
        : Gauge.builder(name, metric, KafkaClientMeters::value).tags(tags).description(description).strongReference(true)
            .register(registry);
    meters.put(key, meter);
  }

  @Override
  public synchronized void removed(ClientMetric metric) {
    Meter meter = meters.remove(new Key(metric.instance(), metric.name()));
    if (meter != null) {
      registry.remove(meter);
    }
  }

  private void removeNamed(String name) {
    List<Key> named = new ArrayList<>();
    meters.forEach((key, meter) -> {
      if (meter.getId().getName().equals(name)) {
        named.add(key);
      }
    });
    named.forEach(key -> registry.remove(meters.remove(key)));
  }

  /** Removes every meter this listener registered. */
  public synchronized void removeMeters() {
    meters.values().forEach(registry::remove);
    meters.clear();
    tagKeysByName.clear();
  }

  private static double value(ClientMetric metric) {
    return metric.value() instanceof Number number ? number.doubleValue() : Double.NaN;
  }

  private record Key(String instance, MetricName name) { }
}
