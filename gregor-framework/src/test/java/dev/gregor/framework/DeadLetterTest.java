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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

// Issue 15: retries, then the dead-letter topic with origin and error; replay back to the origin.
@EmbeddedKafkaTest
class DeadLetterTest {
  /** Topics whose "poison" messages fail; removing a topic heals it. */
  static final Set<String> POISONED = ConcurrentHashMap.newKeySet();
  static final Map<String, Long> PERFORMED_AT = new ConcurrentHashMap<>();

  /** Fails on "poison" while its topic is poisoned; records the rest in order. */
  static final class PoisonController extends Controller {
    @Override
    protected void perform() {
      if ("poison".equals(params().rawString()) && POISONED.contains(params().topic())) {
        throw new IllegalStateException("cannot digest poison at " + params().offset());
      }
      PERFORMED_AT.put(params().topic() + "/" + params().rawString(), System.currentTimeMillis());
      Recorded.performed(params());
    }
  }

  @Test
  void aMessageThatKeepsFailingGoesToTheDeadLetterTopicWithItsOriginWhileTheRestGoesOn(EmbeddedKafka kafka,
      TestTopics topics) throws Exception {
    String topic = topics.create(1);
    String dlt = topic + "_dlt";
    POISONED.add(topic);
    App app = Apps.build(kafka, "dlt", routes -> routes.topic(topic, route -> route.controller(PoisonController.class)
        .parser(Parser.text()).ordering(Ordering.KEY).concurrency(4).retries(2, Duration.ofMillis(10)).deadLetter(dlt)));
    List<Notification> letters = new CopyOnWriteArrayList<>();

    try (app) {
      app.start();
      app.client().notifications().subscribe(FrameworkEvent.DEAD_LETTER, letters::add);
      app.client().deliverMessages(List.of(
          PendingMessage.of(topic, "poison", Produce.key("bad").header("trace-id", "t-1")),
          PendingMessage.of(topic, "after poison, same key", Produce.key("bad")),
          PendingMessage.of(topic, "other key", Produce.key("good"))));
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.committed(kafka, "dlt_" + topic) == 3 && !letters.isEmpty());
    }

    List<Message> dead;
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      dead = Apps.read(gregor, dlt);
    }
    assertThat(dead).singleElement().satisfies(letter -> {
      assertThat(letter.valueAsString()).isEqualTo("poison");
      assertThat(letter.keyAsString()).isEqualTo("bad");
      assertThat(letter.header("trace-id")).isEqualTo("t-1");
      assertThat(letter.header(DeadLetters.ORIGIN_TOPIC)).isEqualTo(topic);
      assertThat(letter.header(DeadLetters.ORIGIN_PARTITION)).isEqualTo("0");
      assertThat(letter.header(DeadLetters.ORIGIN_OFFSET)).isEqualTo("0");
      assertThat(letter.header(DeadLetters.ORIGIN_GROUP)).isEqualTo("dlt_" + topic);
      assertThat(letter.header(DeadLetters.ORIGIN_TIMESTAMP)).isNotBlank();
      assertThat(letter.header(DeadLetters.ATTEMPTS)).isEqualTo("2");
      assertThat(letter.header(DeadLetters.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
      assertThat(letter.header(DeadLetters.EXCEPTION_MESSAGE)).isEqualTo("cannot digest poison at 0");
      assertThat(letter.header(DeadLetters.STACK_TRACE)).contains("PoisonController.perform");
      assertThat(DeadLetters.originTopic(letter)).isEqualTo(topic);
    });
    assertThat(letters).singleElement().satisfies(n -> assertThat(n.payload()).containsEntry("dead_letter_topic", dlt)
        .containsEntry("attempts", 2).containsEntry("offset", 0L));
    // The key waited for its dead letter: its next message ran after the dead-letter topic had the poison.
    assertThat(PERFORMED_AT.get(topic + "/after poison, same key")).isGreaterThanOrEqualTo(dead.get(0).timestamp().toEpochMilli());
  }

  @Test
  void replayWritesDeadLettersBackToTheirOriginOnce(EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(2);
    String dlt = topic + "_dlt";
    POISONED.add(topic);
    App app = Apps.build(kafka, "replay", routes -> routes.topic(topic, route -> route.controller(PoisonController.class)
        .parser(Parser.text()).retries(1, Duration.ZERO).deadLetter(dlt)));

    try (app) {
      app.start();
      app.client().deliverMessage(topic, "poison", Produce.key("k").header("trace-id", "t-2"));
      await().atMost(Duration.ofSeconds(60)).until(() -> Apps.read(app.client(), dlt).size() == 1);
      POISONED.remove(topic); // the bug is fixed
      assertThat(DeadLetters.replay(app.client(), dlt, Duration.ofSeconds(30))).isEqualTo(1);
      await().atMost(Duration.ofSeconds(60)).until(() -> Recorded.count(topic) == 1);
      assertThat(DeadLetters.replay(app.client(), dlt, Duration.ofSeconds(30))).isZero(); // nothing new
    }
    Params replayed = Recorded.performed(topic).get(0);
    assertThat(replayed.rawString()).isEqualTo("poison");
    assertThat(replayed.key()).isEqualTo("k");
    assertThat(replayed.message().header("trace-id")).isEqualTo("t-2");
    assertThat(replayed.message().headers()).noneMatch(h -> h.name().startsWith(DeadLetters.PREFIX));
    Message original;
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      original = Apps.read(gregor, topic).get(0);
    }
    assertThat(replayed.partition()).isEqualTo(original.partition()); // back to the partition it came from
  }

  @Test
  void aDeadLetterTopicThatIsTheRouteItselfOrIllegalIsRefusedAtBuild(EmbeddedKafka kafka) {
    assertThatThrownBy(() -> Apps.build(kafka, "bad-dlt", routes -> routes
        .topic("orders", route -> route.controller(PoisonController.class).deadLetter("orders"))
        .topic("events", route -> route.controller(PoisonController.class).deadLetter("no spaces"))))
        .isInstanceOf(InvalidSetup.class)
        .hasMessageContaining("route 'orders': deadLetter must not be the route's own topic")
        .hasMessageContaining("route 'events': deadLetter 'no spaces' has characters Kafka refuses");
  }
}
