package dev.gregor.framework.example;

import dev.gregor.framework.Controller;

/** Accepts orders (JSON, the default parser) and hands them to the {@link OrderResponder}. */
public final class OrdersController extends Controller {
  @Override
  protected void perform() {
    Order order = params().value(Order.class);
    ShopLedger.record("orders", order.id());
    respondWith(order);
  }
}
