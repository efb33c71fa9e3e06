package dev.gregor.client.internal.metrics;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsContext;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * kafka-clients creates one of these per producer, consumer or admin client (named in
 * {@code metric.reporters}); it forwards that instance's metrics to the Gregor client's
 * {@link ClientMetricsRegistry}. Without one in its config it does nothing.
 */
public final class GregorMetricsReporter implements MetricsReporter {
  private ClientMetricsRegistry registry;
  private String kind = "client";
  private String instance;

  @Override
  public void configure(Map<String, ?> configs) {
    // Reading the key is also what keeps kafka-clients from listing it as "supplied but not used".
    if (configs.get(ClientMetricsRegistry.PROPERTY) instanceof ClientMetricsRegistry given) {
      registry = given;
    }
  }

  @Override
  public void contextChange(MetricsContext context) {
    String namespace = context.contextLabels().get(MetricsContext.NAMESPACE);
    if (namespace != null && instance == null) {
      kind = kindOf(namespace);
    }
  }

  static String kindOf(String namespace) {
    return switch (namespace) {
      case "kafka.producer" -> "producer";
      case "kafka.consumer" -> "consumer";
      case "kafka.admin.client" -> "admin";
      default -> namespace.substring(namespace.lastIndexOf('.') + 1);
    };
  }

  @Override
  public void init(List<KafkaMetric> metrics) {
    if (registry == null) {
      return;
    }
    instance = registry.open(kind);
    metrics.forEach(this::metricChange);
  }

  @Override
  public void metricChange(KafkaMetric metric) {
    if (instance != null) {
      registry.added(instance, metric);
    }
  }

  @Override
  public void metricRemoval(KafkaMetric metric) {
    if (instance != null) {
      registry.removed(instance, metric.metricName());
    }
  }

  @Override
  public void close() {
    if (instance != null) {
      registry.closed(instance);
    }
  }
}
