package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.Gregor;
import dev.gregor.client.Notification;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

// Issue 15: key-ordered and unordered parallel processing inside a partition, committing only the finished prefix.
@EmbeddedKafkaTest
class OrderingTest {
  static final Map<String, CountDownLatch> ALL_INSIDE = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> MET = new ConcurrentHashMap<>();
  static final Map<String, CountDownLatch> RELEASE = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
  static final Map<String, CountDownLatch> FIRST_FAILURE = new ConcurrentHashMap<>();

  /** Waits until every message of the topic is inside a controller at once: possible only if they run in parallel. */
  static final class RendezvousController extends Controller {
    @Override
    protected void perform() throws InterruptedException {
      CountDownLatch latch = ALL_INSIDE.get(params().topic());
      latch.countDown();
      if (latch.await(30, TimeUnit.SECONDS)) {
        MET.get(params().topic()).incrementAndGet();
      }
      Recorded.performed(params());
    }
  }

  /** Blocks on the message at offset 0 until released. */
  static final class BlockingFirstController extends Controller {
    @Override
    protected void perform() throws InterruptedException {
      if (params().offset() == 0) {
        RELEASE.get(params().topic()).await(60, TimeUnit.SECONDS);
      }
      Recorded.performed(params());
    }
  }

  /** Records; the key "bad" fails until the key "good" is all done, which it can be only if it did not wait. */
  /**
   * Fails key "bad" until "good-2" is done, and holds "good-2" until "bad" has failed once: so "bad" surely waits for
   * its retry while "good" goes on, however the threads are scheduled.
   */
  static final class FlakyKeyController extends Controller {
    @Override
    protected void perform() throws InterruptedException {
      String topic = params().topic();
      if ("good-2".equals(params().rawString())) {
        FIRST_FAILURE.computeIfAbsent(topic, t -> new CountDownLatch(1)).await(30, TimeUnit.SECONDS);
      }
      boolean goodDone = Recorded.performed(topic).stream().anyMatch(p -> "good-2".equals(p.rawString()));
      if ("bad".equals(params().key()) && !goodDone) {
        FAILURES.computeIfAbsent(topic, t -> new AtomicInteger()).incrementAndGet();
        FIRST_FAILURE.computeIfAbsent(topic, t -> new CountDownLatch(1)).countDown();
        throw new IllegalStateException("bad key before good is done");
      }
      Recorded.performed(params());
    }
  }

  @Test
  void keysRunInParallelInsideOnePartition(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    ALL_INSIDE.put(topic, new CountDownLatch(8));
    MET.put(topic, new AtomicInteger());
    App app = Apps.build(kafka, "keyed", routes -> routes.topic(topic, route -> route
        .controller(RendezvousController.class).parser(Parser.text()).ordering(Ordering.KEY).concurrency(8)));

    try (app) {
      app.start();
      app.client().deliverMessages(IntStream.range(0, 8).mapToObj(i -> PendingMessage.of(topic, "m" + i,
          Produce.key("k" + i))).collect(Collectors.toList()));
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 8);
    }
    assertThat(MET.get(topic)).hasValue(8);
    assertThat(Recorded.threads(topic)).allSatisfy(thread -> assertThat(thread).startsWith("gregor-keyed-" + topic));
  }

  @Test
  void messagesOfOneKeyStayInOffsetOrderWhileKeysRunInParallel(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(2);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessages(IntStream.range(0, 1000).mapToObj(i -> PendingMessage.of(topic, "m" + i,
          Produce.key("k" + (i % 50)))).collect(Collectors.toList()));
    }
    App app = Apps.build(kafka, "perkey", routes -> routes.topic(topic, route -> route
        .controller(InlineProcessingTest.VideosController.class).parser(Parser.text()).ordering(Ordering.KEY)
        .concurrency(16)));

    try (app) {
      app.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "perkey_" + topic) == 1000);
    }
    List<Params> performed = Recorded.performed(topic);
    assertThat(performed).hasSize(1000);
    Map<String, List<Integer>> byKey = performed.stream().collect(Collectors.groupingBy(Params::key,
        Collectors.mapping(p -> Integer.parseInt(p.rawString().substring(1)), Collectors.toList())));
    assertThat(byKey).hasSize(50).allSatisfy((key, values) -> assertThat(values).hasSize(20).isSorted());
  }

  @Test
  void theCommitStopsAtTheOldestUnfinishedMessageSoAStopLosesNothing(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    RELEASE.put(topic, new CountDownLatch(1));
    App app = Apps.on(kafka, "prefix").setup(config -> config.shutdownTimeout(Duration.ofMillis(500)))
        .routes(routes -> routes.topic(topic, route -> route.controller(BlockingFirstController.class)
            .parser(Parser.text()).ordering(Ordering.UNORDERED).concurrency(10))).build();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessages(IntStream.range(0, 10).mapToObj(i -> PendingMessage.of(topic, "m" + i, Produce.options()))
          .collect(Collectors.toList()));
    }

    try (app) {
      app.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 9); // all but offset 0
    }
    assertThat(Recorded.performed(topic)).extracting(Params::offset).doesNotContain(0L);
    assertThat(Apps.committed(kafka, "prefix_" + topic)).isZero(); // offsets 1..9 finished, 0 did not

    RELEASE.get(topic).countDown();
    App again = Apps.on(kafka, "prefix").routes(routes -> routes.topic(topic, route -> route
        .controller(BlockingFirstController.class).parser(Parser.text()).ordering(Ordering.UNORDERED))).build();
    try (again) {
      again.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "prefix_" + topic) == 10);
    }
    assertThat(Recorded.performed(topic)).extracting(Params::offset).contains(0L); // read again, not lost
  }

  @Test
  void aHangingMessageIsReportedAsStalledAndTheRestOfItsChunkRunsElsewhere(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    RELEASE.put(topic, new CountDownLatch(1));
    List<Notification> stalls = new CopyOnWriteArrayList<>();
    App app = Apps.on(kafka, "stalling").setup(config -> config.stallTimeout(Duration.ofMillis(300)))
        .routes(routes -> routes.topic(topic, route -> route.controller(BlockingFirstController.class)
            .parser(Parser.text()).ordering(Ordering.UNORDERED).concurrency(2))).build();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessages(IntStream.range(0, 10).mapToObj(i -> PendingMessage.of(topic, "m" + i,
          Produce.key("k" + i))).collect(Collectors.toList()));
    }

    try (app) {
      app.start();
      app.client().notifications().subscribe(FrameworkEvent.STALL, stalls::add);
      // Offset 0 hangs; the messages that shared its chunk are taken back and run on the other thread.
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 9 && !app.stalls().isEmpty()
          && !stalls.isEmpty());
      assertThat(app.stalls()).singleElement().satisfies(stall -> {
        assertThat(stall.topic()).isEqualTo(topic);
        assertThat(stall.offset()).isZero();
        assertThat(stall.key()).isEqualTo("k0");
        assertThat(stall.thread()).startsWith("gregor-stalling-" + topic);
        assertThat(stall.running()).isGreaterThan(Duration.ofMillis(300));
      });
      assertThat(stalls.get(0).payload()).containsEntry("offset", 0L).containsEntry("key", "k0")
          .containsEntry("topic", topic);
      RELEASE.get(topic).countDown();
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "stalling_" + topic) == 10
          && app.stalls().isEmpty());
    }
    assertThat(stalls).hasSize(1); // once per message
  }

  @Test
  void aFailingKeyWaitsForItsRetryWhileOtherKeysGoOn(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    App app = Apps.build(kafka, "retrykey", routes -> routes.topic(topic, route -> route
        .controller(FlakyKeyController.class).parser(Parser.text()).ordering(Ordering.KEY).concurrency(4)
        .errorPolicy(ErrorPolicy.retry(1000, Duration.ofMillis(5), Duration.ofMillis(20)))));

    try (app) {
      app.start();
      app.client().deliverMessages(List.of(PendingMessage.of(topic, "bad-1", Produce.key("bad")),
          PendingMessage.of(topic, "good-1", Produce.key("good")), PendingMessage.of(topic, "bad-2", Produce.key("bad")),
          PendingMessage.of(topic, "good-2", Produce.key("good"))));
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "retrykey_" + topic) == 4);
    }
    List<String> performed = Recorded.performed(topic).stream().map(Params::rawString).toList();
    assertThat(performed).containsExactlyInAnyOrder("bad-1", "bad-2", "good-1", "good-2");
    assertThat(performed.indexOf("bad-1")).isLessThan(performed.indexOf("bad-2"));
    assertThat(performed.indexOf("good-2")).isLessThan(performed.indexOf("bad-1")); // good did not wait for bad
    assertThat(FAILURES.get(topic).get()).isPositive();
  }

  @Test
  void parallelSettingsAreCheckedWhenTheAppIsBuilt(EmbeddedKafka kafka) {
    assertThatThrownBy(() -> Apps.build(kafka, "checked", routes -> routes
        .topic("a", route -> route.controller(RendezvousController.class).concurrency(4))
        .topic("b", route -> route.controller(RendezvousController.class).ordering(Ordering.KEY).concurrency(0))
        .topic("c", route -> route.controller(RendezvousController.class).ordering(Ordering.KEY).transactional(true))))
        .isInstanceOf(InvalidSetup.class)
        .hasMessageContaining("route 'a': concurrency and virtualThreads apply to ordering(KEY)")
        .hasMessageContaining("route 'b': concurrency must be between 1 and 10000, was 0")
        .hasMessageContaining("route 'c': transactional routes process in ordering(PARTITION)");
  }

  @Test
  void virtualThreadsRunTheRouteOnJava21OrAreRefusedBefore(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    App.Builder builder = Apps.on(kafka, "virtual").routes(routes -> routes.topic(topic, route -> route
        .controller(InlineProcessingTest.VideosController.class).parser(Parser.text()).ordering(Ordering.KEY)
        .virtualThreads(true)));
    if (Runtime.version().feature() < 21) {
      assertThatThrownBy(builder::build).isInstanceOf(InvalidSetup.class)
          .hasMessageContaining("virtualThreads needs Java 21 or later; this is Java " + Runtime.version().feature());
      return;
    }
    try (App app = builder.build()) {
      app.start();
      app.client().deliverMessage(topic, "on a virtual thread", Produce.key("k"));
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 1);
    }
    assertThat(Recorded.threads(topic)).singleElement().asString().startsWith("gregor-virtual-" + topic + "-");
  }
}
