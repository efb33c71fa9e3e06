package dev.gregor.spring.example;

import dev.gregor.spring.GregorRoutes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The example Boot application: a shop that accepts orders. One route, {@code orders}, performed by the prototype
 * bean {@link OrdersController} (which gets the {@link OrderBook} service injected), whose {@link OrderResponder}
 * sends each accepted order to {@code orders_accepted}. Run it with
 * {@code --gregor.bootstrap-servers=localhost:9092 --spring.application.name=shop}.
 */
@SpringBootApplication
public class ShopApplication {
  /** Starts the shop until the JVM is stopped; the app stops gracefully with the context. */
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }

  @Bean
  GregorRoutes shopRoutes(ObjectProvider<OrdersController> orders) {
    return routes -> routes.topic("orders", route -> route
        .controller(OrdersController.class, orders::getObject)
        .responder(OrderResponder.class));
  }
}
