package dev.gregor.cli;

import dev.gregor.framework.App;
import dev.gregor.framework.Controller;
import dev.gregor.framework.Ordering;
import dev.gregor.framework.Responder;
import java.util.Map;

/** A framework app for the app commands' tests, found by {@code --app dev.gregor.cli.ExampleShop}. */
public final class ExampleShop {
  /** Where the app connects; the tests set it (or the variable EXAMPLE_SHOP_BOOTSTRAP) to the embedded broker. */
  static final String BOOTSTRAP_PROPERTY = "example.shop.bootstrap";
  /** A prefix for its topics (or EXAMPLE_SHOP_PREFIX), so each test has its own. */
  static final String PREFIX_PROPERTY = "example.shop.prefix";

  private ExampleShop() {}

  public static App.Builder app() {
    return App.builder().environment(Map.of())
        .setup(config -> config.name("shop").kafkaHosts(setting(BOOTSTRAP_PROPERTY, "localhost:9092"))
            .topicMapper(setting(PREFIX_PROPERTY, "").isEmpty() ? dev.gregor.framework.TopicMapper.identity()
                : dev.gregor.framework.TopicMapper.prefix(setting(PREFIX_PROPERTY, "")))
            .shutdownTimeout(java.time.Duration.ofSeconds(10)))
        .routes(routes -> routes
            .topic("orders", route -> route.controller(OrdersController.class).responder(OrdersResponder.class)
                .ordering(Ordering.KEY).concurrency(8).deadLetter("orders_dlt"))
            .topic("clicks", route -> route.controller(OrdersController.class).batchMode(true))
            .topic("invoices", route -> route.controller(OrdersController.class).inlineMode(false)));
  }

  private static String setting(String property, String fallback) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(property.toUpperCase().replace('.', '_'));
    }
    return value != null ? value : fallback;
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
