package dev.gregor.client;

import dev.gregor.client.internal.metrics.ClientMetricsRegistry;
import java.util.List;
import java.util.Objects;

/**
 * kafka-clients' own metrics (request rates and latencies per broker, record-send-rate, retries,
 * fetch lag…) of every producer, consumer and admin client a {@link Gregor} client opens, so that
 * a metrics library can expose them.
 *
 * <pre>{@code
 * kafka.kafkaMetrics().metrics().forEach(m -> System.out.println(m.instance() + " " + m.name() + " " + m.value()));
 * }</pre>
 *
 * A {@link Config} is the scope: clients connected with the same {@code Config} object share one view.
 */
public final class KafkaMetrics {
  private final ClientMetricsRegistry registry;

  private KafkaMetrics(ClientMetricsRegistry registry) {
    this.registry = registry;
  }

  static KafkaMetrics of(Config config) {
    return new KafkaMetrics(ClientMetricsRegistry.of(config));
  }

  /** Every metric of every kafka-clients instance open now. */
  public List<ClientMetric> metrics() {
    return registry.metrics();
  }

  /** Tells {@code listener} of every metric open now, then of each one added or removed, until the watch is closed. */
  public Watch watch(ClientMetricListener listener) {
    return registry.watch(Objects.requireNonNull(listener, "listener"))::run;
  }

  /** A listener's registration; closing it stops the calls. */
  @FunctionalInterface
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
