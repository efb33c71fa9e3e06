package dev.gregor.framework.testkit;

import dev.gregor.client.Delivered;
import dev.gregor.client.GroupDescription;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.framework.App;
import dev.gregor.framework.Route;
import dev.gregor.framework.testkit.internal.AppTopics;
import dev.gregor.framework.testkit.internal.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs a framework app against an {@link EmbeddedKafka} in a test: creates every topic the app
 * reads, writes and enqueues to, starts the server (and workers, when routes enqueue), produces to
 * routes by their clean names, and waits for what was processed and what responders sent.
 *
 * <pre>{@code
 * try (AppTestKit kit = AppTestKit.start(ShopApp::build, kafka)) {
 *   kit.produce("orders", "{\"id\":\"o-1\",\"amount\":20}");
 *   kit.awaitProcessed("orders");
 *   assertThat(kit.awaitSent("orders_accepted", 1)).hasSize(1);
 * }
 * }</pre>
 */
public final class AppTestKit implements AutoCloseable {
  private final App app;
  private Duration timeout = Duration.ofSeconds(30);

  private AppTestKit(App app) {
    this.app = app;
  }

  /** Builds the app with {@code kafka}'s bootstrap servers, creates its topics (2 partitions each) and starts it. */
  public static AppTestKit start(Function<String, App> build, EmbeddedKafka kafka) {
    return start(build, kafka, 2);
  }

  /** {@link #start(Function, EmbeddedKafka)} with {@code partitions} per topic the kit creates. */
  public static AppTestKit start(Function<String, App> build, EmbeddedKafka kafka, int partitions) {
    App app = Objects.requireNonNull(build.apply(kafka.bootstrapServers()), "the build function returned no app");
    try (Gregor admin = Gregor.connect(kafka.bootstrapServers())) {
      AppTopics.create(admin, AppTopics.of(app), partitions);
    }
    app.start();
    if (app.routes().all().stream().anyMatch(r -> !r.inlineMode() && r.worker() == null)) {
      app.startWorkers(2);
    }
    return new AppTestKit(app);
  }

  /** How long the waits wait (30 s by default); returns this. */
  public AppTestKit timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /** The running app. */
  public App app() {
    return app;
  }

  /** Writes {@code value} to the topic of route {@code topic} (its clean name) and waits for the acknowledgement. */
  public Delivered produce(String topic, @Nullable String value) {
    return produce(topic, value, Produce.options());
  }

  /** Writes with a key, partition or headers. */
  public Delivered produce(String topic, @Nullable String value, Produce options) {
    return app.client().deliverMessage(kafkaName(topic), value, options);
  }

  /**
   * Waits until the group of route {@code topic} has committed everything in the topic as of this call —
   * every message performed (or enqueued) and its responses acknowledged; {@link AssertionError} on timeout.
   */
  public void awaitProcessed(String topic) {
    Route route = app.routes().find(topic).orElseThrow(() -> new IllegalArgumentException("the app has no route '"
        + topic + "' (routes: " + app.routes().all().stream().map(Route::topic).toList() + ")"));
    String kafkaName = kafkaName(topic);
    Gregor client = app.client();
    Map<Integer, Long> ends = new HashMap<>();
    for (int p = 0; p < client.partitionsFor(kafkaName); p++) {
      ends.put(p, client.latestOffset(kafkaName, p));
    }
    Map<Integer, Long> committed = new HashMap<>();
    Waits.until(timeout, () -> {
      committed.clear();
      GroupDescription group = client.groups().describe(route.group());
      group.offsets().stream().filter(o -> o.topic().equals(kafkaName))
          .forEach(o -> committed.put(o.partition(), o.committedOffset()));
      return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }, () -> "route '" + topic + "' (group '" + route.group() + "') committed " + committed + " of " + ends);
  }

  /** Waits until at least {@code count} messages are in {@code topic} (a clean name, e.g. a responder's) and returns them all. */
  public List<Message> awaitSent(String topic, int count) {
    String kafkaName = kafkaName(topic);
    List<Message> seen = new ArrayList<>();
    Waits.until(timeout, () -> {
      seen.clear();
      seen.addAll(read(kafkaName));
      return seen.size() >= count;
    }, () -> seen.size() + " of " + count + " messages in '" + kafkaName + "'");
    return List.copyOf(seen);
  }

  private List<Message> read(String kafkaName) {
    Gregor client = app.client();
    List<Message> all = new ArrayList<>();
    for (int p = 0; p < client.partitionsFor(kafkaName); p++) {
      long end = client.latestOffset(kafkaName, p);
      long next = client.earliestOffset(kafkaName, p);
      while (next < end) {
        var fetch = client.fetch(kafkaName, p, Offset.at(next));
        if (fetch.messages().isEmpty() && fetch.nextOffset() <= next) {
          break; // only transaction markers are left
        }
        all.addAll(fetch.messages());
        next = fetch.nextOffset();
      }
    }
    return all;
  }

  private String kafkaName(String topic) {
    return app.settings().topicMapper().outgoing(Objects.requireNonNull(topic, "topic"));
  }

  /** Stops the app. */
  @Override
  public void close() {
    app.stop();
  }
}
