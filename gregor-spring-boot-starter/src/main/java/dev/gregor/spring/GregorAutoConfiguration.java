package dev.gregor.spring;

import dev.gregor.client.Gregor;
import dev.gregor.framework.App;
import dev.gregor.spring.internal.AppLifecycle;
import dev.gregor.spring.internal.AppSetup;
import dev.gregor.spring.internal.ClientConfigs;
import dev.gregor.spring.internal.ControllerScopes;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Gregor's beans from {@code gregor.*}: a {@link Gregor} client (unless the context has one), and, when
 * {@link GregorRoutes} beans exist and {@code gregor.app.enabled} is not false, the framework {@link App} with
 * their routes, started after the context is refreshed and stopped gracefully when it closes.
 */
@AutoConfiguration
@EnableConfigurationProperties(GregorProperties.class)
public final class GregorAutoConfiguration {
  /** Made by Spring when the auto-configuration applies. */
  public GregorAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  Gregor gregor(GregorProperties properties, ObjectProvider<GregorConfigCustomizer> customizers) {
    return Gregor.connect(ClientConfigs.from(properties, customizers.orderedStream().toList()));
  }

  /** The app and its lifecycle, when routes are declared. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(GregorRoutes.class)
  @ConditionalOnProperty(prefix = "gregor.app", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class AppConfiguration {
    @Bean
    @ConditionalOnMissingBean
    App gregorApp(GregorProperties properties, Environment environment, ObjectProvider<GregorRoutes> routes,
        ObjectProvider<GregorAppCustomizer> customizers, ListableBeanFactory beans) {
      App app = AppSetup.build(properties, environment.getProperty("spring.application.name", ""),
          routes.orderedStream().toList(), customizers.orderedStream().toList());
      ControllerScopes.check(app, beans);
      return app;
    }

    @Bean
    AppLifecycle gregorAppLifecycle(App gregorApp, GregorProperties properties) {
      return new AppLifecycle(gregorApp, properties.app().workers());
    }
  }
}
