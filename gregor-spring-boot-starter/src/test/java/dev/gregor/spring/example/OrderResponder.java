package dev.gregor.spring.example;

import dev.gregor.client.Produce;
import dev.gregor.framework.Responder;

/** Sends every accepted order to {@code orders_accepted}, keyed by its id. */
public class OrderResponder extends Responder {
  public OrderResponder() {
    topic("orders_accepted");
  }

  @Override
  protected void respond(Object... data) {
    Order order = (Order) data[0];
    respondTo("orders_accepted", order, Produce.key(order.id()));
  }
}
