package dev.gregor.spring.example;

import dev.gregor.framework.Controller;
import dev.gregor.framework.Topic;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Accepts each order in the {@link OrderBook} and responds with it. Prototype-scoped: the framework asks the
 * context for one per partition; {@code @Topic} routes it, no other routing code.
 */
@Component
@Scope("prototype")
@Topic(value = "orders", responder = OrderResponder.class)
public class OrdersController extends Controller {
  private final OrderBook book;

  public OrdersController(OrderBook book) {
    this.book = book;
  }

  @Override
  protected void perform() {
    respondWith(book.accept(params().value(Order.class)));
  }
}
