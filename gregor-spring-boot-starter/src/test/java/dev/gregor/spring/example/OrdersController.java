package dev.gregor.spring.example;

import dev.gregor.framework.Controller;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/** Accepts each order in the {@link OrderBook} and responds with it; prototype-scoped: one per partition. */
@Component
@Scope("prototype")
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
