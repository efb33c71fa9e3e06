package dev.gregor.spring.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The example Boot application: a shop that accepts orders. One route, {@code orders}, declared by the
 * {@code @Topic} on the prototype bean {@link OrdersController} (which gets the {@link OrderBook} service injected);
 * its {@link OrderResponder} sends each accepted order to {@code orders_accepted}. Run it with
 * {@code --gregor.bootstrap-servers=localhost:9092 --spring.application.name=shop}.
 */
@SpringBootApplication
public class ShopApplication {
  /** Starts the shop until the JVM is stopped; the app stops gracefully with the context. */
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
