package dev.gregor.metrics;

import dev.gregor.client.Gregor;
import dev.gregor.metrics.internal.FlatNames;
import dev.gregor.metrics.internal.Namespace;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
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
 * are written by Micrometer's StatsD registry.
 *
 * <pre>{@code
 * try (StatsdReporter reporter = StatsdReporter.datadog().tag("env", "prod").build().report(kafka)) {
 *   ...
 * }
 * }</pre>
 */
public final class StatsdReporter implements AutoCloseable {
  private final StatsdMeterRegistry registry;
  private final List<GregorMetrics> reported = new ArrayList<>();

  private StatsdReporter(StatsdMeterRegistry registry) {
    this.registry = registry;
  }

  /** Plain StatsD (Etsy): tags become part of the name, {@code gregor.producer.ack.messages.client.app.topic.orders:1|c}. */
  public static Builder statsd() {
    return new Builder(StatsdFlavor.ETSY);
  }

  /** DogStatsD (Datadog): tags travel as tags, {@code gregor.producer.ack.messages:1|c|#client:app,topic:orders}. */
  public static Builder datadog() {
    return new Builder(StatsdFlavor.DATADOG);
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

  /** ruby-kafka's reporter settings; checked in {@link #build()}. */
  public static final class Builder {
    private final StatsdFlavor flavor;
    private String namespace = "gregor";
    private String host = "127.0.0.1";
    private int port = 8125;
    private Duration interval = Duration.ofSeconds(10);
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder(StatsdFlavor flavor) {
      this.flavor = flavor;
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
      if (!tags.isEmpty() && flavor != StatsdFlavor.DATADOG) {
        throw new IllegalArgumentException("tags " + tags.keySet() + " need the DogStatsD reporter (StatsdReporter.datadog()); "
            + "plain StatsD has no tags");
      }
      StatsdMeterRegistry registry = StatsdMeterRegistry.builder(config()).clock(Clock.SYSTEM).nameMapper(new FlatNames()).build();
      registry.config().namingConvention(NamingConvention.dot).meterFilter(new Namespace(namespace));
      List<Tag> common = new ArrayList<>();
      tags.forEach((key, value) -> common.add(Tag.of(key, value)));
      registry.config().commonTags(Tags.of(common));
      return new StatsdReporter(registry);
    }

    private StatsdConfig config() {
      StatsdFlavor flavor = this.flavor;
      String host = this.host;
      int port = this.port;
      Duration interval = this.interval;
      return new StatsdConfig() {
        @Override
        public String get(String key) {
          return null;
        }

        @Override
        public StatsdFlavor flavor() {
          return flavor;
        }

        @Override
        public String host() {
          return host;
        }

        @Override
        public int port() {
          return port;
        }

        @Override
        public Duration pollingFrequency() {
          return interval;
        }

        @Override
        public Duration step() {
          return interval;
        }
      };
    }
  }
}
