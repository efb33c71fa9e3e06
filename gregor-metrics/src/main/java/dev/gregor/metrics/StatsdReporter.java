package dev.gregor.metrics;

import dev.gregor.client.Gregor;
import dev.gregor.metrics.internal.Namespace;
import dev.gregor.metrics.internal.StatsdRegistries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends Gregor's metrics to a StatsD or DogStatsD agent over UDP (ruby-kafka's {@code Kafka::Statsd}
 * and {@code Kafka::Datadog} reporters), with ruby-kafka's settings: a namespace prefixed to every
 * name (default {@code gregor}), host (default {@code 127.0.0.1}) and port (default 8125); the lines
 * are written by Micrometer's StatsD registry, {@code io.micrometer:micrometer-registry-statsd},
 * which the application adds: gregor-metrics declares it optional, so Micrometer-only users do
 * not get it, and {@link Builder#build()} says so when it is missing.
 *
 * <pre>{@code
 * try (StatsdReporter reporter = StatsdReporter.datadog().tag("env", "prod").build().report(kafka)) {
 *   ...
 * }
 * }</pre>
 */
public final class StatsdReporter implements AutoCloseable {
  private static final String STATSD_ARTIFACT = "io.micrometer:micrometer-registry-statsd";

  private final MeterRegistry registry;
  private final List<GregorMetrics> reported = new ArrayList<>();

  private StatsdReporter(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Plain StatsD (Etsy): tags become part of the name, {@code gregor.producer.ack.messages.client.app.topic.orders:1|c}. */
  public static Builder statsd() {
    return new Builder(false);
  }

  /** DogStatsD (Datadog): tags travel as tags, {@code gregor.producer.ack.messages:1|c|#client:app,topic:orders}. */
  public static Builder datadog() {
    return new Builder(true);
  }

  /** Starts reporting {@code kafka}'s metrics (events and kafka-clients' own); returns this reporter. */
  public synchronized StatsdReporter report(Gregor kafka) {
    GregorMetrics metrics = GregorMetrics.of(Objects.requireNonNull(kafka, "kafka"));
    metrics.bindTo(registry);
    reported.add(metrics);
    return this;
  }

  /** The Micrometer registry behind this reporter, for meters of the application's own; they get the namespace too. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Stops reporting, after sending what is pending. */
  @Override
  public synchronized void close() {
    reported.forEach(GregorMetrics::close);
    reported.clear();
    registry.close();
  }

  private static boolean statsdRegistryPresent() {
    try {
      Class.forName("io.micrometer.statsd.StatsdMeterRegistry", false, StatsdReporter.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** ruby-kafka's reporter settings; checked in {@link #build()}. */
  public static final class Builder {
    private final boolean datadog;
    private String namespace = "gregor";
    private String host = "127.0.0.1";
    private int port = 8125;
    private Duration interval = Duration.ofSeconds(10);
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder(boolean datadog) {
      this.datadog = datadog;
    }

    /** Prefixed to every metric name (default {@code gregor}). */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** The agent's host (default {@code 127.0.0.1}). */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The agent's UDP port (default 8125). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** How often gauges are sampled and buffered lines sent (default 10 s). */
    public Builder interval(Duration interval) {
      this.interval = interval;
      return this;
    }

    /** A tag sent with every metric (DogStatsD only; plain StatsD has no tags). */
    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "tag key"), Objects.requireNonNull(value, "tag value"));
      return this;
    }

    /** A running reporter, or an exception naming the bad setting or the missing StatsD registry. */
    public StatsdReporter build() {
      Namespace.check(namespace);
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must name the StatsD agent, was '" + host + "'");
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
      }
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be a positive duration, was " + interval);
      }
      if (!tags.isEmpty() && !datadog) {
        throw new IllegalArgumentException("tags " + tags.keySet() + " need the DogStatsD reporter (StatsdReporter.datadog()); "
            + "plain StatsD has no tags");
      }
      if (!statsdRegistryPresent()) {
        throw new IllegalStateException("StatsdReporter needs Micrometer's StatsD registry, " + STATSD_ARTIFACT
            + ", on the class path: gregor-metrics declares it optional; add it to your build (its version from "
            + "Micrometer's BOM, the one gregor-metrics is built against)");
      }
      List<Tag> common = new ArrayList<>();
      tags.forEach((key, value) -> common.add(Tag.of(key, value)));
      MeterRegistry registry = StatsdRegistries.create(datadog, host, port, interval, namespace, common);
      return new StatsdReporter(registry);
    }
  }
}
