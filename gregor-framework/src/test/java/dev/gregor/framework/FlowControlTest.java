package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Notification;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

// Issue 15: retry topics, delays, expiry, filters, throttling and ticks, each a route setting.
@EmbeddedKafkaTest
class FlowControlTest {
  static final Map<String, List<Long>> PERFORMED_AT = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
  static final Map<String, Map<Integer, AtomicInteger>> TICKS = new ConcurrentHashMap<>();

  /** Records when each message ran; "poison" always fails, "flaky" fails its first attempt only. */
  static final class TimingController extends Controller {
    @Override
    protected void perform() {
      String value = params().rawString();
      if ("poison".equals(value) || ("flaky".equals(value)
          && FAILURES.computeIfAbsent(params().topic(), t -> new AtomicInteger()).getAndIncrement() == 0)) {
        throw new IllegalStateException("cannot handle " + value);
      }
      PERFORMED_AT.computeIfAbsent(params().topic(), t -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
      Recorded.performed(params());
    }

    @Override
    protected void tick() {
      // Controllers are made per partition, so each one's identity stands for its partition.
      TICKS.computeIfAbsent(route().topic(), t -> new ConcurrentHashMap<>())
          .computeIfAbsent(System.identityHashCode(this), p -> new AtomicInteger()).incrementAndGet();
    }
  }

  @Test
  void aFailingMessageMovesThroughItsRetryTopicsWhileThePartitionGoesOnThenToTheDeadLetterTopic(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    String dlt = topic + "_dlt";
    List<Notification> events = new CopyOnWriteArrayList<>();
    App app = Apps.build(kafka, "retrytopics", routes -> routes.topic(topic, route -> route
        .controller(TimingController.class).parser(Parser.text()).retryTopics(2, Duration.ofMillis(300))
        .deadLetter(dlt)));

    try (app) {
      app.start();
      app.client().notifications().subscribe("*.framework", n -> { // one listener: one queue, in publishing order
        if (n.name().equals("retry.framework") || n.name().equals("dead_letter.framework")) {
          events.add(n);
        }
      });
      app.client().deliverMessages(List.of(PendingMessage.of(topic, "poison", Produce.key("k")),
          PendingMessage.of(topic, "flaky", Produce.key("k")), PendingMessage.of(topic, "after", Produce.key("k"))));
      await().atMost(Duration.ofSeconds(60)).until(() -> events.stream()
          .anyMatch(e -> e.name().equals(FrameworkEvent.DEAD_LETTER.eventName())) && Recorded.count(topic) == 2);
    }

    // "after" ran at once; "flaky" ran again from retry topic 1; "poison" went through both, then to the DLT.
    assertThat(Recorded.performed(topic)).extracting(Params::rawString).containsExactly("after", "flaky");
    assertThat(events).extracting(Notification::name).containsExactly("retry.framework", "retry.framework",
        "retry.framework", "dead_letter.framework");
    assertThat(events).extracting(e -> e.get(FrameworkEvent.DEAD_LETTER_TOPIC)).containsExactly(topic + "_retry_1",
        topic + "_retry_1", topic + "_retry_2", dlt);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      Message letter = Apps.read(gregor, dlt).get(0);
      assertThat(letter.valueAsString()).isEqualTo("poison");
      assertThat(letter.header(DeadLetters.ORIGIN_TOPIC)).isEqualTo(topic); // the first origin, not a retry topic
      assertThat(letter.header(DeadLetters.ORIGIN_OFFSET)).isEqualTo("0");
      assertThat(letter.header(DeadLetters.ATTEMPTS)).isEqualTo("3");
      // Each retry topic held its message until due: its backoff (300 ms, then 600 ms) after it was written there.
      Message retry1 = Apps.read(gregor, topic + "_retry_1").get(0);
      Message retry2 = Apps.read(gregor, topic + "_retry_2").get(0);
      long due1 = Long.parseLong(retry1.header("gregor-retry-due"));
      long due2 = Long.parseLong(retry2.header("gregor-retry-due"));
      assertThat(due1 - retry1.timestamp().toEpochMilli()).isBetween(100L, 300L);
      assertThat(due2 - retry2.timestamp().toEpochMilli()).isBetween(400L, 600L);
      assertThat(retry2.timestamp().toEpochMilli()).isGreaterThanOrEqualTo(due1); // ran again no earlier than due
      assertThat(letter.timestamp().toEpochMilli()).isGreaterThanOrEqualTo(due2);
      assertThat(retry2.header("gregor-retry-attempt")).isEqualTo("2");
    }
  }

  @Test
  void aDelayedRouteRunsNoMessageBeforeItIsDue(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    App app = Apps.build(kafka, "delayed", routes -> routes.topic(topic, route -> route
        .controller(TimingController.class).parser(Parser.text()).delay(Duration.ofSeconds(1))));

    try (app) {
      app.start();
      app.client().deliverMessages(IntStream.range(0, 3).mapToObj(i -> PendingMessage.of(topic, "m" + i,
          Produce.options())).collect(Collectors.toList()));
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 3);
    }
    List<Params> performed = Recorded.performed(topic);
    for (int i = 0; i < 3; i++) {
      long written = performed.get(i).message().timestamp().toEpochMilli();
      assertThat(PERFORMED_AT.get(topic).get(i) - written).isGreaterThanOrEqualTo(1000);
    }
  }

  @Test
  void expiredAndFilteredMessagesAreCommittedWithoutRunning(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    App app = Apps.build(kafka, "expiring", routes -> routes.topic(topic, route -> route
        .controller(TimingController.class).parser(Parser.text()).expireAfter(Duration.ofMinutes(1))
        .filter(message -> !"noise".equals(message.valueAsString()))));

    try (app) {
      app.start();
      app.client().deliverMessages(List.of(
          PendingMessage.of(topic, "stale", Produce.options().createTime(Instant.now().minus(Duration.ofMinutes(5)))),
          PendingMessage.of(topic, "noise", Produce.options()), PendingMessage.of(topic, "fresh", Produce.options())));
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "expiring_" + topic) == 3);
    }
    assertThat(Recorded.performed(topic)).extracting(Params::rawString).containsExactly("fresh");
  }

  @Test
  void aThrottledRouteRunsAtMostItsMessagesPerInterval(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    App app = Apps.build(kafka, "throttled", routes -> routes.topic(topic, route -> route
        .controller(TimingController.class).parser(Parser.text()).throttle(2, Duration.ofMillis(500))));

    try (app) {
      app.start();
      app.client().deliverMessages(IntStream.range(0, 6).mapToObj(i -> PendingMessage.of(topic, "m" + i,
          Produce.options())).collect(Collectors.toList()));
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 6);
    }
    List<Long> at = PERFORMED_AT.get(topic);
    // Six messages at two per 500 ms window need three windows: the fifth starts the third one.
    assertThat(at.get(4) - at.get(0)).isGreaterThanOrEqualTo(900);
    assertThat(at.get(2) - at.get(0)).isGreaterThanOrEqualTo(400);
  }

  @Test
  void ticksRunOnEveryAssignedPartitionWithoutMessages(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(2);
    App app = Apps.build(kafka, "ticking", routes -> routes.topic(topic, route -> route
        .controller(TimingController.class).parser(Parser.text()).tick(Duration.ofMillis(100))));

    try (app) {
      app.start();
      // One controller per partition: two controllers, each ticked several times.
      await().atMost(Duration.ofSeconds(60)).until(() -> TICKS.getOrDefault(topic, Map.of()).size() == 2
          && TICKS.get(topic).values().stream().allMatch(count -> count.get() >= 3));
    }
    assertThat(Recorded.count(topic)).isZero();
  }

  @Test
  void flowSettingsAreCheckedWhenTheAppIsBuilt(EmbeddedKafka kafka) {
    assertThatThrownBy(() -> Apps.build(kafka, "flowchecks", routes -> routes
        .topic("a", route -> route.controller(TimingController.class).retryTopics(2, Duration.ofSeconds(1)))
        .topic("b", route -> route.controller(TimingController.class).delay(Duration.ofSeconds(-1)))
        .topic("c", route -> route.controller(TimingController.class).throttle(5, Duration.ZERO))
        .topic("d", route -> route.controller(TimingController.class).tick(Duration.ZERO))
        .topic("e", route -> route.controller(TimingController.class).expireAfter(Duration.ZERO))))
        .isInstanceOf(InvalidSetup.class)
        .hasMessageContaining("route 'a': retryTopics needs deadLetter(topic)")
        .hasMessageContaining("route 'b': delay must be zero or more")
        .hasMessageContaining("route 'c': throttle needs at least 1 message per positive interval")
        .hasMessageContaining("route 'd': tick interval must be positive")
        .hasMessageContaining("route 'e': expireAfter must be positive");
  }
}
