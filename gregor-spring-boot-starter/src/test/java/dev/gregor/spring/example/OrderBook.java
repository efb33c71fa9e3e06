package dev.gregor.spring.example;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** The shop's service: keeps accepted orders by id; a singleton shared by every controller. */
@Service
public class OrderBook {
  private final Map<String, Order> orders = new ConcurrentHashMap<>();

  /** Accepts an order once: a repeated id (a message read again) does not count twice. */
  public Order accept(Order order) {
    orders.putIfAbsent(order.id(), order);
    return order;
  }

  /** How many orders were accepted. */
  public int size() {
    return orders.size();
  }
}
