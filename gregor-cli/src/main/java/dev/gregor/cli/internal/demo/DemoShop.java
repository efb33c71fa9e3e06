package dev.gregor.cli.internal.demo;

import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.framework.App;
import dev.gregor.framework.TopicMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code gregor dev --demo}: a small shop on the framework (an inline route with a responder, a worker route)
 * under the topic prefix {@code demo.}, fed 5 orders a second and a burst of 150 every 30 seconds so that lag
 * rises and drains where {@code gregor groups describe} (and the dashboard) can see it.
 */
public final class DemoShop implements AutoCloseable {
  /** The demo's app name: its groups are {@code gregor_demo_orders} and {@code gregor_demo_orders_confirmed}. */
  public static final String NAME = "gregor_demo";
  private static final String[] CUSTOMERS = {"ann", "bob", "cho", "dev", "eve", "fay", "gus", "hal"};

  private final App app;
  private final Gregor client;
  private final ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "gregor-demo-traffic");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicLong sent = new AtomicLong();

  private DemoShop(App app, Gregor client) {
    this.app = app;
    this.client = client;
  }

  /** Creates the demo's topics (3 partitions each) when missing, starts the app and two workers, and the traffic. */
  public static DemoShop start(String bootstrap, PrintWriter out) {
    Gregor client = Gregor.connect(bootstrap);
    try {
      List<String> existing = client.topics().list();
      for (String topic : List.of("demo.orders", "demo.orders_confirmed", "demo.jobs")) {
        if (!existing.contains(topic)) {
          client.topics().create(topic, t -> t.partitions(3));
        }
      }
      App app = App.builder().environment(Map.of())
          .setup(config -> config.name(NAME).kafkaHosts(bootstrap).topicMapper(TopicMapper.prefix("demo")).reporting(true)
              .defaultQueue("jobs").shutdownTimeout(Duration.ofSeconds(10)))
          .routes(routes -> routes
              .topic("orders", route -> route.controller(DemoOrders.OrdersController.class)
                  .responder(DemoOrders.OrderResponder.class))
              .topic("orders_confirmed", route -> route.controller(DemoOrders.ReceiptsController.class)
                  .inlineMode(false)))
          .build();
      app.start().startWorkers(2);
      DemoShop demo = new DemoShop(app, client);
      demo.traffic.scheduleAtFixedRate(() -> demo.send(1), 0, 200, TimeUnit.MILLISECONDS);
      demo.traffic.scheduleAtFixedRate(() -> demo.send(150), 30, 30, TimeUnit.SECONDS);
      demo.traffic.scheduleAtFixedRate(() -> demo.report(out), 10, 10, TimeUnit.SECONDS);
      return demo;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private void send(int orders) {
    List<PendingMessage> batch = new ArrayList<>(orders);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < orders; i++) {
      String customer = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
      long id = sent.incrementAndGet();
      batch.add(PendingMessage.of("demo.orders", String.format(Locale.ROOT,
          "{\"id\":\"o-%d\",\"customer\":\"%s\",\"amount\":%d}", id, customer, random.nextInt(5, 500)),
          Produce.partitionKey(customer)));
    }
    try {
      client.deliverMessages(batch);
    } catch (RuntimeException e) {
      sent.addAndGet(-orders); // the broker is stopping; the next tick tries again
    }
  }

  private void report(PrintWriter out) {
    out.printf(Locale.ROOT, "demo: %d orders sent, %d performed, %d receipts sent by workers%n", sent.get(),
        DemoOrders.PERFORMED.get(), DemoOrders.RECEIPTS.get());
    out.flush();
  }

  /** Stops the traffic, then the app (gracefully: it commits what it performed and leaves its groups). */
  @Override
  public void close() {
    traffic.shutdownNow();
    try {
      traffic.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    app.close();
    client.close();
  }
}
