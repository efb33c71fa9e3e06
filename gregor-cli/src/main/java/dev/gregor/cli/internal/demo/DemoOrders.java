package dev.gregor.cli.internal.demo;

import dev.gregor.client.Produce;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Responder;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The demo's controllers and responder: orders are checked (a little slow, so lag shows) and confirmed; receipts are jobs. */
public final class DemoOrders {
  static final AtomicLong PERFORMED = new AtomicLong();
  static final AtomicLong RECEIPTS = new AtomicLong();

  private DemoOrders() {}

  /** Checks an order for 20–80 ms, as a call to another service would take, and confirms it. */
  public static final class OrdersController extends Controller {
    @Override
    protected void perform() throws InterruptedException {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 80));
      PERFORMED.incrementAndGet();
      respondWith(params().value(Map.class));
    }
  }

  /** Confirms each order, keyed by its customer. */
  public static final class OrderResponder extends Responder {
    public OrderResponder() {
      topic("orders_confirmed");
    }

    @Override
    protected void respond(Object... data) {
      Map<?, ?> order = (Map<?, ?>) data[0];
      respondTo("orders_confirmed", order, Produce.partitionKey(String.valueOf(order.get("customer"))));
    }
  }

  /** Sends a receipt: a job, performed by the app's workers. */
  public static final class ReceiptsController extends Controller {
    @Override
    protected void perform() throws InterruptedException {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20));
      RECEIPTS.incrementAndGet();
    }
  }
}
