package dev.gregor.framework;

import static dev.gregor.framework.BeforeEnqueue.Decision.ABORT;
import static dev.gregor.framework.BeforeEnqueue.Decision.PROCEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

// Seed: "Controllers callbacks", "Dynamic worker selection", "Worker" (custom workers with perform_async),
// "Batch mode flag".
@EmbeddedKafkaTest
class ControllerCallbacksTest {
  static final Map<String, List<String>> FAST = new ConcurrentHashMap<>();
  static final Map<String, List<String>> SLOW = new ConcurrentHashMap<>();
  static final Map<String, List<Integer>> BATCH_SIZES = new ConcurrentHashMap<>();

  /** The seed's TestController: one callback adds to params, one aborts what it does not want. */
  static final class TestController extends Controller {
    TestController() {
      beforeEnqueue(params -> {
        params.put("received_time", "now");
        return PROCEED;
      });
      beforeEnqueue(this::validateParams);
    }

    private BeforeEnqueue.Decision validateParams(Params params) {
      Map<?, ?> value = params.value(Map.class);
      return ((Number) value.get("message")).intValue() > 50 && !"sum".equals(value.get("method")) ? PROCEED : ABORT;
    }

    @Override
    protected void perform() {
      Recorded.performed(params());
    }
  }

  static final class RecordingWorker implements Worker {
    private final Map<String, List<String>> into;

    RecordingWorker(Map<String, List<String>> into) {
      this.into = into;
    }

    @Override
    public void performAsync(String topic, List<Params> params) {
      params.forEach(p -> into.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(p.rawString()));
    }
  }

  /** The seed's dynamic selection: important params go to the fast worker, the rest to the route's. */
  static final class SelectingController extends Controller {
    SelectingController() {
      beforeEnqueue(params -> {
        if (Boolean.TRUE.equals(params.value(Map.class).get("important"))) {
          worker(new RecordingWorker(FAST));
        }
        return PROCEED;
      });
    }

    @Override
    protected void perform() {
      throw new AssertionError("a route that is not inline enqueues; it never performs in the server");
    }
  }

  static final class BatchController extends Controller {
    @Override
    protected void perform() {
      BATCH_SIZES.computeIfAbsent(params().topic(), t -> new CopyOnWriteArrayList<>()).add(batch().size());
      batch().forEach(Recorded::performed);
    }
  }

  @Test
  void callbacksRunInOrderMayChangeParamsAndAbortedMessagesAreNotPerformedButCommitted(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    App app = Apps.build(kafka, "callbacks", routes -> routes.topic(topic, route -> route.controller(TestController.class)));

    try (app) {
      app.start();
      app.client().deliverMessage(topic, "{\"message\":10}");
      app.client().deliverMessage(topic, "{\"message\":60,\"method\":\"sum\"}");
      app.client().deliverMessage(topic, "{\"message\":70}");
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "callbacks_" + topic) == 3);
    }

    assertThat(Recorded.performed(topic)).singleElement().satisfies(params -> {
      assertThat(params.offset()).isEqualTo(2);
      assertThat(params.get("received_time")).isEqualTo("now");
    });
  }

  @Test
  void aCallbackPicksTheWorkerPerMessageWhenTheRouteIsNotInline(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    App app = Apps.build(kafka, "selecting", routes -> routes.topic(topic, route -> route
        .controller(SelectingController.class).inlineMode(false).worker(new RecordingWorker(SLOW))));

    try (app) {
      app.start();
      app.client().deliverMessage(topic, "{\"important\":true,\"n\":1}");
      app.client().deliverMessage(topic, "{\"important\":false,\"n\":2}");
      app.client().deliverMessage(topic, "{\"n\":3}");
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "selecting_" + topic) == 3);
    }

    assertThat(FAST.get(topic)).containsExactly("{\"important\":true,\"n\":1}");
    assertThat(SLOW.get(topic)).containsExactly("{\"important\":false,\"n\":2}", "{\"n\":3}");
  }

  @Test
  void batchModeHandsWholeBatchesAndCommitsThemAfterPerform(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    try (var gregor = dev.gregor.client.Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessages(java.util.stream.IntStream.range(0, 50)
          .mapToObj(i -> dev.gregor.client.PendingMessage.of(topic, "{\"n\":" + i + "}", dev.gregor.client.Produce.options()))
          .toList());
    }
    App app = Apps.on(kafka, "batches").setup(config -> config.batchMode(true))
        .routes(routes -> routes.topic(topic, route -> route.controller(BatchController.class))).build();

    try (app) {
      app.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "batches_" + topic) == 50);
    }

    assertThat(Recorded.performed(topic)).extracting(Params::offset).isSorted().hasSize(50);
    assertThat(BATCH_SIZES.get(topic)).allSatisfy(size -> assertThat(size).isPositive());
    assertThat(BATCH_SIZES.get(topic).stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
    assertThat(BATCH_SIZES.get(topic).size()).isLessThan(50);
  }
}
