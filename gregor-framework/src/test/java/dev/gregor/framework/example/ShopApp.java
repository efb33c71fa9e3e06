package dev.gregor.framework.example;

import dev.gregor.framework.App;
import dev.gregor.framework.TopicMapper;

/**
 * The example application: a shop on Kafka, every seed concept in one place. Kafka's topics carry the
 * {@code shop.} prefix (a hosted cluster's namespace); the routes, responders and jobs use clean names.
 */
public final class ShopApp {
  /** Kafka's names of the topics the app reads, writes and enqueues to. */
  public static final String[] TOPICS = {"shop.orders", "shop.orders_accepted", "shop.vip_orders", "shop.legacy_events",
      "shop.clicks", "shop.invoices", "shop.jobs"};

  private ShopApp() {}

  /** The app on {@code kafkaHosts}. */
  public static App build(String kafkaHosts) {
    return App.builder()
        .setup(config -> config
            .name("shop")
            .kafkaHosts(kafkaHosts)
            .topicMapper(TopicMapper.prefix("shop"))
            .defaultQueue("jobs"))
        .routes(routes -> routes
            .topic("orders", route -> route
                .controller(OrdersController.class)
                .responder(OrderResponder.class))
            .topic("legacy_events", route -> route
                .controller(LegacyEventsController.class)
                .parser(new CsvParser()))
            .topic("clicks", route -> route
                .controller(ClicksController.class)
                .batchMode(true))
            .topic("invoices", route -> route
                .controller(InvoicesController.class)
                .inlineMode(false)))
        .build();
  }
}
