package dev.gregor.client;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * One metric of one kafka-clients instance a {@link Gregor} client opened: its kafka-clients name
 * (group, name, tags such as {@code client-id}, {@code node-id}, {@code topic}) and its live value.
 *
 * @param instance which kafka-clients instance it belongs to, such as {@code producer-1} or {@code consumer-2};
 *     numbers are per Gregor client and reused once an instance closes, so the set of names stays small
 */
public record ClientMetric(String instance, MetricName name, Metric metric) {

  /** The current value: a {@link Double} for measurable metrics, a string for informational ones such as {@code version}. */
  public Object value() {
    return metric.metricValue();
  }

  /** Whether the value is a number a metrics registry can record. */
  public boolean numeric() {
    return value() instanceof Number;
  }
}
