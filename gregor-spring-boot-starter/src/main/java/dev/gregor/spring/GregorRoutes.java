package dev.gregor.spring;

import dev.gregor.framework.Routes;

/**
 * Draws routes of the Spring-managed app; every bean of this type adds its routes, and with none the starter
 * makes no app. Controllers that are Spring beans must be prototype-scoped, as the framework makes one per partition:
 *
 * <pre>{@code
 * @Bean
 * GregorRoutes orderRoutes(ObjectProvider<OrdersController> controllers) {
 *   return routes -> routes.topic("orders", route -> route.controller(OrdersController.class, controllers::getObject));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface GregorRoutes {
  /** Adds routes, as {@code App.builder().routes(...)} would. */
  void draw(Routes.Builder routes);
}
