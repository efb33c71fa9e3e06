package dev.gregor.spring;

import dev.gregor.client.Gregor;
import dev.gregor.framework.App;
import dev.gregor.metrics.GregorMetrics;
import dev.gregor.spring.internal.GregorMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Binds gregor-metrics' meters of the client bean and of the app to the context's {@link MeterRegistry}, when
 * gregor-metrics is on the class path, a registry bean exists and {@code gregor.metrics.enabled} is not false.
 */
@AutoConfiguration(after = GregorAutoConfiguration.class)
@ConditionalOnClass({GregorMetrics.class, MeterRegistry.class})
@ConditionalOnProperty(prefix = "gregor.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public final class GregorMetricsAutoConfiguration {
  /** Made by Spring when the auto-configuration applies. */
  public GregorMetricsAutoConfiguration() {}

  @Bean
  GregorMeters gregorMeters(ObjectProvider<MeterRegistry> registries, ObjectProvider<Gregor> clients,
      ObjectProvider<App> apps) {
    return new GregorMeters(registries, clients, apps);
  }
}
