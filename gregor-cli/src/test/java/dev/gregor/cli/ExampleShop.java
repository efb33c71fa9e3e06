package dev.gregor.cli;

import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Ordering;
import dev.gregor.framework.Responder;
import java.util.Map;

/** A framework app for the app commands' tests, found by {@code --app dev.gregor.cli.ExampleShop}. */
public final class ExampleShop {
  /** Where {@code info} connects; the test sets it to the embedded broker. */
  static final String BOOTSTRAP_PROPERTY = "example.shop.bootstrap";

  private ExampleShop() {}

  public static App.Builder app() {
    return App.builder().environment(Map.of())
        .setup(config -> config.name("shop").kafkaHosts(System.getProperty(BOOTSTRAP_PROPERTY, "localhost:9092")))
        .routes(routes -> routes
            .topic("orders", route -> route.controller(OrdersController.class).responder(OrdersResponder.class)
                .ordering(Ordering.KEY).concurrency(8).deadLetter("orders_dlt"))
            .topic("clicks", route -> route.controller(OrdersController.class).batchMode(true))
            .topic("invoices", route -> route.controller(OrdersController.class).inlineMode(false)));
  }

  /** Does nothing; the commands never run it. */
  public static final class OrdersController extends Controller {
    @Override
    protected void perform() {}
  }

  /** Confirms orders, and may audit them. */
  public static final class OrdersResponder extends Responder {
    public OrdersResponder() {
      topic("orders_confirmed");
      topic("audit", Usage.OPTIONAL);
    }

    @Override
    protected void respond(Object... data) {
      respondTo("orders_confirmed", data[0]);
    }
  }

  /** Not an app: no app() and no Supplier. */
  public static final class NotAnApp {}
}
