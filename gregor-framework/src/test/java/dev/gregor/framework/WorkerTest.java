package dev.gregor.framework;

import static dev.gregor.framework.BeforeEnqueue.Decision.PROCEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.client.UnknownTopic;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

// Seed: "Worker", "Interchanger", "Controllers callbacks" (after_failure) — workers on Kafka itself, no Redis:
// a jobs topic per queue, read by a share group.
@EmbeddedKafkaTest
class WorkerTest {
  static final Map<String, List<String>> AFTER_FAILURE = new ConcurrentHashMap<>();

  /** Keeps the bytes as they are: a job must carry them untouched. */
  static final class BytesParser implements Parser {
    @Override
    public Object parse(byte[] data) {
      return data;
    }

    @Override
    public byte[] generate(Object value) {
      return (byte[]) value;
    }
  }

  static final class JobsController extends Controller {
    JobsController() {
      beforeEnqueue(params -> {
        params.put("received_by", "server");
        return PROCEED;
      });
    }

    @Override
    protected void perform() {
      Recorded.performed(params());
    }
  }

  static final class AlwaysFailing extends Controller {
    @Override
    protected void perform() {
      throw new IllegalStateException("service down for " + params().rawString());
    }

    @Override
    protected void afterFailure() {
      AFTER_FAILURE.computeIfAbsent(params().topic(), t -> new CopyOnWriteArrayList<>()).add(params().rawString());
    }
  }

  @Test
  void routesNotInlineEnqueueJobsThatWorkersPerformWithParamsAndRawBytesIntact(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(2);
    String queue = topics.create(1);
    byte[] binary = {0, (byte) 0xff, (byte) 0xfe, 10, 13, 0};
    App app = Apps.on(kafka, "workers-" + topic.hashCode()).setup(config -> config.inlineMode(false).defaultQueue(queue))
        .routes(routes -> routes.topic(topic, route -> route.controller(JobsController.class).parser(new BytesParser())))
        .build();

    try (app) {
      app.start().startWorkers(4);
      app.client().deliverMessages(IntStream.range(0, 20).mapToObj(i -> PendingMessage.of(topic, "job-" + i,
          Produce.key("k" + i))).toList());
      app.client().deliverMessage(topic, binary, Produce.key("binary").header("trace", "t-1"));
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 21);
    }

    assertThat(Recorded.performed(topic)).allSatisfy(params -> {
      assertThat(params.get("received_by")).isEqualTo("server");
      assertThat(params.topic()).isEqualTo(topic);
    });
    assertThat(Recorded.threads(topic)).allSatisfy(thread -> assertThat(thread).contains("-worker-"));
    Params binaryJob = Recorded.performed(topic).stream().filter(p -> "binary".equals(p.key())).findFirst().orElseThrow();
    assertThat(binaryJob.raw()).isEqualTo(binary);
    assertThat((byte[]) binaryJob.value()).isEqualTo(binary);
    assertThat(binaryJob.header("trace")).isEqualTo("t-1");
  }

  @Test
  void aJobFailingOnEveryDeliveryCallsAfterFailureOnceWhenTheWorkerGivesUp(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    String queue = topics.create(1);
    App app = Apps.on(kafka, "failing-" + topic.hashCode())
        .routes(routes -> routes.topic(topic, route -> route.controller(AlwaysFailing.class).parser(Parser.text())
            .inlineMode(false).queue(queue)))
        .build();

    try (app) {
      app.start().startWorkers(1);
      app.client().deliverMessage(topic, "payment-7");
      await().atMost(Duration.ofSeconds(90)).until(() -> AFTER_FAILURE.containsKey(topic));
    }
    assertThat(AFTER_FAILURE.get(topic)).containsExactly("payment-7");
  }

  @Test
  void aQueueTopicThatDoesNotExistIsNamedAtStart(EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1);
    App app = Apps.on(kafka, "missing-queue")
        .routes(routes -> routes.topic(topic, route -> route.controller(JobsController.class).inlineMode(false)
            .queue("no_such_jobs_topic")))
        .build();

    try (app) {
      assertThatThrownBy(app::start).isInstanceOf(UnknownTopic.class)
          .hasMessageContaining("Jobs queue 'no_such_jobs_topic' of a route that is not inline")
          .hasMessageContaining("does not exist");
    }
  }

  @Test
  void theBinaryInterchangerRoundTripsEveryPartOfTheParams() {
    dev.gregor.client.Message message = new dev.gregor.client.Message("acme.videos", 3, 42L,
        java.time.Instant.ofEpochMilli(1_700_000_000_123L), null, new byte[] {1, 2, 3},
        List.of(new dev.gregor.client.Message.Header("h", null)));
    Params params = Params.parse("videos", message, new BytesParser()).put("n", 7).put("list", List.of("a"));

    List<Params> decoded = Interchanger.binary().decode(Interchanger.binary().encode(List.of(params)), new BytesParser());

    assertThat(decoded).singleElement().satisfies(p -> {
      assertThat(p.topic()).isEqualTo("videos");
      assertThat(p.message()).usingRecursiveComparison().isEqualTo(message);
      assertThat(p.attributes()).isEqualTo(Map.of("n", 7, "list", List.of("a")));
    });
    assertThatThrownBy(() -> Interchanger.binary().decode("{\"json\":true}".getBytes(), Parser.json()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Gregor job");
  }
}
