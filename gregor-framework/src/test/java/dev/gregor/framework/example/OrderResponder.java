package dev.gregor.framework.example;

import dev.gregor.client.Produce;
import dev.gregor.framework.Responder;

/** Every order is accepted; big ones also go to the VIP desk, keyed by customer so one desk sees them all. */
public final class OrderResponder extends Responder {
  public OrderResponder() {
    topic("orders_accepted");
    topic("vip_orders", Usage.OPTIONAL);
  }

  @Override
  protected void respond(Object... data) {
    Order order = (Order) data[0];
    respondTo("orders_accepted", order, Produce.key(order.id()));
    if (order.vip()) {
      respondTo("vip_orders", order, Produce.partitionKey(order.customer()));
    }
  }
}
