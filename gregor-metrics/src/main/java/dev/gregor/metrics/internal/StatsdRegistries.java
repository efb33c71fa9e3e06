package dev.gregor.metrics.internal;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * Builds the StatsD registry behind {@code StatsdReporter}. The only class that names
 * micrometer-registry-statsd, an optional dependency: the rest of gregor-metrics loads without it,
 * and {@code StatsdReporter} checks the registry is there before touching this class (loading
 * this class would already fail without it).
 */
public final class StatsdRegistries {
  private StatsdRegistries() {}

  /** A running StatsD registry: DogStatsD lines when {@code datadog}, plain StatsD (tags folded into names) otherwise. */
  public static MeterRegistry create(boolean datadog, String host, int port, Duration interval, String namespace,
      List<Tag> tags) {
    StatsdFlavor flavor = datadog ? StatsdFlavor.DATADOG : StatsdFlavor.ETSY;
    StatsdConfig config = new StatsdConfig() {
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
    StatsdMeterRegistry registry = StatsdMeterRegistry.builder(config).clock(Clock.SYSTEM).nameMapper(new FlatNames()).build();
    registry.config().namingConvention(NamingConvention.dot).meterFilter(new Namespace(namespace));
    registry.config().commonTags(Tags.of(tags));
    return registry;
  }
}
