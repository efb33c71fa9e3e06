package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

// Seed: "Inline mode flag", "Processing messages directly (without Sidekiq)", "Controllers", "Parser".
@EmbeddedKafkaTest
class InlineProcessingTest {
  record Video(String title, int seconds) {}

  static final class VideosController extends Controller {
    @Override
    protected void perform() {
      Recorded.performed(params());
    }
  }

  @Test
  void everyMessageIsPerformedInPartitionOrderThenCommitted(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(3);
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessages(IntStream.range(0, 90).mapToObj(i -> PendingMessage.of(topic,
          "{\"title\":\"v" + i + "\",\"seconds\":" + i + "}", Produce.key("k" + (i % 7)))).collect(Collectors.toList()));
    }
    App app = Apps.build(kafka, "inline", routes -> routes.topic(topic, route -> route.controller(VideosController.class)));

    try (app) {
      app.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 90);
    }

    List<Params> performed = Recorded.performed(topic);
    for (int partition = 0; partition < 3; partition++) {
      int p = partition;
      List<Long> offsets = performed.stream().filter(x -> x.partition() == p).map(Params::offset).toList();
      assertThat(offsets).isSorted().doesNotHaveDuplicates();
    }
    Params first = performed.stream().filter(p -> p.value(Video.class).title().equals("v0")).findFirst().orElseThrow();
    assertThat(first.value(Video.class)).isEqualTo(new Video("v0", 0));
    assertThat(first.value()).isEqualTo(Map.of("title", "v0", "seconds", 0));
    assertThat(first.key()).isEqualTo("k0");
    assertThat(first.rawString()).isEqualTo("{\"title\":\"v0\",\"seconds\":0}");
    assertThat(Recorded.threads(topic)).allSatisfy(thread -> assertThat(thread).startsWith("gregor-inline-perform-"));
    assertThat(Apps.committed(kafka, "inline_" + topic)).isEqualTo(90);
  }

  @Test
  void aMessageTheParserRefusesReachesTheControllerRawWithItsErrorAndAnEvent(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    App app = Apps.build(kafka, "parsing", routes -> routes.topic(topic, route -> route.controller(VideosController.class)));
    List<Notification> errors = new CopyOnWriteArrayList<>();

    try (app) {
      app.start();
      app.client().notifications().subscribe(FrameworkEvent.ERROR, errors::add);
      app.client().deliverMessage(topic, "not json {");
      app.client().deliverMessage(topic, "{\"title\":\"ok\",\"seconds\":1}");
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 2 && errors.size() == 1);
    }

    Params broken = Recorded.performed(topic).get(0);
    assertThat(broken.value()).isNull();
    assertThat(broken.rawString()).isEqualTo("not json {");
    assertThat(broken.parseError()).isNotNull();
    assertThat(Recorded.performed(topic).get(1).value(Video.class)).isEqualTo(new Video("ok", 1));
    assertThat(errors.get(0).payload()).containsEntry(FrameworkEvent.ORIGIN, "parser").containsEntry("topic", topic)
        .containsEntry("offset", 0L);
    assertThat(String.valueOf(errors.get(0).get("exception"))).contains("JsonParseException");
    assertThat(Apps.committed(kafka, "parsing_" + topic)).isEqualTo(2);
  }
}
