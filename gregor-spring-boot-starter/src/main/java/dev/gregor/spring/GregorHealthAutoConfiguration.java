package dev.gregor.spring;

import dev.gregor.framework.App;
import dev.gregor.spring.internal.AppHealth;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code gregor} health indicator of the app (when {@code spring-boot-health} is on the class path and
 * {@code management.health.gregor.enabled} is not false): UP or DOWN with the app's groups, assignment, lag and stalls.
 */
@AutoConfiguration(after = GregorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(App.class)
@ConditionalOnEnabledHealthIndicator("gregor")
public final class GregorHealthAutoConfiguration {
  /** How long the indicator waits for each group's description. */
  private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(5);

  /** Made by Spring when the auto-configuration applies. */
  public GregorHealthAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "gregorHealthIndicator")
  HealthIndicator gregorHealthIndicator(App app) {
    return new AppHealth(app, DESCRIBE_TIMEOUT);
  }
}
