package dev.gregor.spring;

import dev.gregor.client.Gregor;
import dev.gregor.framework.App;
import dev.gregor.framework.Topic;
import dev.gregor.spring.internal.AppLifecycle;
import dev.gregor.spring.internal.AppSetup;
import dev.gregor.spring.internal.ClientConfigs;
import dev.gregor.spring.internal.ControllerScopes;
import dev.gregor.spring.internal.TopicBeans;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Gregor's beans from {@code gregor.*}: a {@link Gregor} client (unless the context has one), and, when routes are
 * declared — {@link GregorRoutes} beans, or prototype controller beans annotated with {@link Topic} — and
 * {@code gregor.app.enabled} is not false, the framework {@link App} with those routes, started after the context
 * is refreshed and stopped gracefully when it closes.
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
  @Conditional(RoutesDeclared.class)
  @ConditionalOnProperty(prefix = "gregor.app", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class AppConfiguration {
    @Bean
    @ConditionalOnMissingBean
    App gregorApp(GregorProperties properties, Environment environment, ObjectProvider<GregorRoutes> routes,
        ObjectProvider<GregorAppCustomizer> customizers, ListableBeanFactory beans) {
      List<GregorRoutes> drawings = new ArrayList<>();
      drawings.add(draw -> TopicBeans.draw(draw, beans));
      drawings.addAll(routes.orderedStream().toList());
      App app = AppSetup.build(properties, environment.getProperty("spring.application.name", ""), drawings,
          customizers.orderedStream().toList());
      ControllerScopes.check(app, beans);
      return app;
    }

    @Bean
    AppLifecycle gregorAppLifecycle(App gregorApp, GregorProperties properties) {
      return new AppLifecycle(gregorApp, properties.app().workers());
    }
  }

  /** A {@link GregorRoutes} bean or a controller bean annotated with {@link Topic}. */
  static final class RoutesDeclared extends AnyNestedCondition {
    RoutesDeclared() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(GregorRoutes.class)
    static final class RoutesBean {}

    @ConditionalOnBean(annotation = Topic.class)
    static final class TopicBean {}
  }
}
